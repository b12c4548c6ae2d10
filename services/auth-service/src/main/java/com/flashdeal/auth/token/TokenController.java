package com.flashdeal.auth.token;

import com.flashdeal.auth.account.AccountService;
import com.flashdeal.contract.auth.api.TokensApi;
import com.flashdeal.contract.auth.model.Jwk;
import com.flashdeal.contract.auth.model.JwkSet;
import com.flashdeal.contract.auth.model.LoginRequest;
import com.flashdeal.contract.auth.model.TokenResponse;
import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ApiException;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The contract's token operations: login and the JWKS. */
@RestController
class TokenController implements TokensApi {
  private final AccountService accounts;
  private final TokenIssuer issuer;
  private final List<Jwk> jwks;

  TokenController(AccountService accounts, TokenIssuer issuer, SigningKeys keys) {
    this.accounts = accounts;
    this.issuer = issuer;
    this.jwks =
        keys.publicKeys().entrySet().stream().map(e -> toJwk(e.getKey(), e.getValue())).toList();
  }

  @Override
  public ResponseEntity<TokenResponse> login(LoginRequest request) {
    var account =
        accounts
            .authenticate(request.getEmail(), request.getPassword())
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.UNAUTHORIZED.value(),
                        ErrorCode.INVALID_CREDENTIALS,
                        "Email or password is wrong."));
    TokenIssuer.IssuedToken token = issuer.issue(account);
    TokenResponse body =
        new TokenResponse(
            token.token(),
            TokenResponse.TokenTypeEnum.BEARER,
            (int) token.expiresIn(),
            token.expiresAt().atOffset(ZoneOffset.UTC));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  @Override
  public ResponseEntity<JwkSet> getJwks() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(new JwkSet(jwks));
  }

  private static Jwk toJwk(String kid, RSAPublicKey key) {
    Jwk jwk = new Jwk(Jwk.KtyEnum.RSA, kid, Jwk.UseEnum.SIG, Jwk.AlgEnum.RS256);
    jwk.setN(base64Url(key.getModulus()));
    jwk.setE(base64Url(key.getPublicExponent()));
    return jwk;
  }

  /** JWK integers are unsigned big-endian: drop the sign byte BigInteger adds. */
  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
