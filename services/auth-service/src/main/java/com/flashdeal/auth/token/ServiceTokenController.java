package com.flashdeal.auth.token;

import com.flashdeal.auth.AuthProperties;
import com.flashdeal.contract.auth.api.ServiceIdentityApi;
import com.flashdeal.contract.auth.model.ServiceTokenRequest;
import com.flashdeal.contract.auth.model.TokenResponse;
import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The services' client-credentials grant. Secrets are 256-bit random values made at deploy time, so
 * a plain SHA-256 comparison is enough (no password hashing needed: nothing to brute-force), and it
 * is constant-time so that timing says nothing about how much of a guess was right.
 */
@RestController
class ServiceTokenController implements ServiceIdentityApi {
  private static final byte[] NO_CLIENT = new byte[32];

  private final Map<String, byte[]> clients;
  private final TokenIssuer issuer;

  ServiceTokenController(AuthProperties properties, TokenIssuer issuer) {
    HexFormat hex = HexFormat.of();
    this.clients =
        properties.serviceClientHashes().entrySet().stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> hex.parseHex(e.getValue())));
    this.issuer = issuer;
  }

  @Override
  public ResponseEntity<TokenResponse> issueServiceToken(ServiceTokenRequest request) {
    byte[] expected = clients.getOrDefault(request.getClientId(), NO_CLIENT);
    boolean match = MessageDigest.isEqual(expected, sha256(request.getClientSecret()));
    if (!match || !clients.containsKey(request.getClientId())) {
      throw new ApiException(
          HttpStatus.UNAUTHORIZED.value(),
          ErrorCode.INVALID_CREDENTIALS,
          "Unknown client or wrong secret.");
    }
    TokenIssuer.IssuedToken token = issuer.issueService(request.getClientId());
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new TokenResponse(
                token.token(),
                TokenResponse.TokenTypeEnum.BEARER,
                (int) token.expiresIn(),
                token.expiresAt().atOffset(ZoneOffset.UTC)));
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
