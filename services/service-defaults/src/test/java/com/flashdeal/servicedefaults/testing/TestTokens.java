package com.flashdeal.servicedefaults.testing;

import com.flashdeal.servicecore.security.KeySource;
import com.flashdeal.servicecore.security.ServiceTokens;
import com.flashdeal.servicecore.security.StaticKeySource;
import com.flashdeal.servicecore.security.VerifiedUser;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Tokens for service tests that do not run auth-service: signed with a key only tests know, which
 * the service under test trusts through the {@link KeySource} bean below (it replaces the JWKS
 * fetch). Shared via the service-defaults test-jar.
 */
public final class TestTokens {
  public static final String KID = "test-key";
  private static final KeyPair KEYS = generate();

  private TestTokens() {}

  public static String user(UUID id) {
    return token(id, "USER");
  }

  public static String admin() {
    return token(UUID.fromString("00000000-0000-0000-0000-00000000ad01"), "USER", "ADMIN");
  }

  /** A service token as auth-service issues it to {@code clientId}. */
  public static String service(String clientId) {
    return sign(
        claims(VerifiedUser.serviceSubject(clientId), KID, VerifiedUser.SERVICE_ROLE)
            .claim("client_id", clientId));
  }

  public static String token(UUID id, String... roles) {
    return sign(claims(id, KID, roles));
  }

  /**
   * A well-formed access token, not yet signed, for tests that tamper with one claim at a time.
   *
   * @param kid the key id to put in the header (auth-service derives its own from the key)
   */
  public static JwtBuilder claims(UUID id, String kid, String... roles) {
    return Jwts.builder()
        .header()
        .keyId(kid)
        .and()
        .subject(id.toString())
        .claim("roles", List.of(roles))
        .issuer("flashdeal-auth")
        .audience()
        .add("flashdeal")
        .and()
        .issuedAt(new Date())
        .expiration(Date.from(Instant.now().plusSeconds(3600)))
        .id(UUID.randomUUID().toString());
  }

  public static String sign(JwtBuilder claims) {
    return claims.signWith(KEYS.getPrivate(), Jwts.SIG.RS256).compact();
  }

  /**
   * The signing key as PKCS#8 PEM, to configure a real auth-service process that issues tokens with
   * it.
   */
  public static String privatePem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(KEYS.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  public static java.security.PublicKey publicKey() {
    return KEYS.getPublic();
  }

  /**
   * Every way a token must be refused, built for one user and the key id the service trusts (its
   * own key signs the well-formed ones): expired, wrong issuer, wrong audience, unknown kid, signed
   * by another key, tampered payload, {@code alg: none}. Shared so every service and the gateway
   * face the same attacks.
   */
  public static java.util.Map<String, String> rejected(UUID user, String kid) {
    java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put(
        "expired",
        sign(claims(user, kid, "USER").expiration(Date.from(Instant.now().minusSeconds(120)))));
    bad.put("wrong issuer", sign(claims(user, kid, "USER").issuer("someone-else")));
    bad.put("wrong audience", sign(claims(user, kid, "USER").audience().single("another-app")));
    bad.put("unknown kid", sign(claims(user, kid, "USER").header().keyId("rsa-unknown").and()));
    bad.put(
        "other key",
        claims(user, kid, "USER").signWith(generate().getPrivate(), Jwts.SIG.RS256).compact());
    String[] good = sign(claims(user, kid, "USER")).split("\\.");
    String adminPayload =
        b64(
            "{\"sub\":\""
                + user
                + "\",\"roles\":[\"ADMIN\"],\"iss\":\"flashdeal-auth\",\"aud\":\"flashdeal\",\"exp\":"
                + (Instant.now().getEpochSecond() + 600)
                + "}");
    bad.put("tampered", good[0] + "." + adminPayload + "." + good[2]);
    bad.put("alg none", b64("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + good[1] + ".");
    return bad;
  }

  /** base64url of a JSON text: for hand-built (unsigned, tampered) tokens. */
  public static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The public key as a JWKS document, for services running as separate processes (they fetch it
   * over HTTP).
   */
  public static String jwksJson() {
    var pub = (java.security.interfaces.RSAPublicKey) KEYS.getPublic();
    return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\""
        + KID
        + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
        + b64(pub.getModulus())
        + "\",\"e\":\""
        + b64(pub.getPublicExponent())
        + "\"}]}";
  }

  private static String b64(java.math.BigInteger v) {
    byte[] b = v.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = java.util.Arrays.copyOfRange(b, 1, b.length);
    }
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Import into a {@code @SpringBootTest} to make the service trust {@link TestTokens}. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Trust {
    @Bean
    KeySource testKeySource() {
      return new StaticKeySource(Map.of(KID, KEYS.getPublic()));
    }

    /** This service's own service token, as auth-service would issue it. */
    @Bean
    ServiceTokens testServiceTokens(org.springframework.core.env.Environment env) {
      String client = env.getRequiredProperty("spring.application.name");
      return new ServiceTokens() {
        @Override
        public String token() {
          return service(client);
        }

        @Override
        public void invalidate() {}
      };
    }
  }

  /** A fresh RSA key pair, e.g. to forge a signature with a key nobody trusts. */
  public static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
