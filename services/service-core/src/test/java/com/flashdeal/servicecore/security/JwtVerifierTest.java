package com.flashdeal.servicecore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final KeyPair KEYS = rsa();
  private static final KeyPair OTHER_KEYS = rsa();
  private static final UUID USER = UUID.fromString("6f1d2c3b-4a59-4e8f-9d10-2b3c4d5e6f70");

  private final JwtVerifier verifier =
      new JwtVerifier(
          new StaticKeySource(Map.of("k1", KEYS.getPublic())),
          "flashdeal-auth",
          "flashdeal",
          Duration.ofSeconds(30),
          Clock.fixed(NOW, ZoneOffset.UTC));

  static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static io.jsonwebtoken.JwtBuilder token() {
    return Jwts.builder()
        .header()
        .keyId("k1")
        .and()
        .subject(USER.toString())
        .claim("roles", List.of("USER"))
        .issuer("flashdeal-auth")
        .audience()
        .add("flashdeal")
        .and()
        .issuedAt(Date.from(NOW.minusSeconds(60)))
        .expiration(Date.from(NOW.plusSeconds(840)))
        .id("jti-1");
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsAValidToken() {
    VerifiedUser user =
        verifier.verify(token().signWith(KEYS.getPrivate(), Jwts.SIG.RS256).compact());
    assertThat(user.id()).isEqualTo(USER);
    assertThat(user.roles()).containsExactly("USER");
    assertThat(user.tokenId()).isEqualTo("jti-1");
  }

  @Test
  void aServiceTokenNamesItsClientAndCannotBeMixedWithAUsersClaims() {
    UUID service = VerifiedUser.serviceSubject("order-service");
    VerifiedUser caller =
        verifier.verify(
            token()
                .subject(service.toString())
                .claim("roles", List.of("SERVICE"))
                .claim("client_id", "order-service")
                .signWith(KEYS.getPrivate(), Jwts.SIG.RS256)
                .compact());
    assertThat(caller.isService()).isTrue();
    assertThat(caller.clientId()).isEqualTo("order-service");
    assertThat(
            verifier
                .verify(token().signWith(KEYS.getPrivate(), Jwts.SIG.RS256).compact())
                .isService())
        .isFalse();

    var mixed =
        Map.of(
            "SERVICE without client_id",
            token().subject(service.toString()).claim("roles", List.of("SERVICE")),
            "client_id on a user's token",
            token().claim("client_id", "order-service"),
            "SERVICE next to ADMIN",
            token()
                .subject(service.toString())
                .claim("roles", List.of("SERVICE", "ADMIN"))
                .claim("client_id", "order-service"),
            "a user's id as a service's subject",
            token().claim("roles", List.of("SERVICE")).claim("client_id", "order-service"));
    mixed.forEach(
        (name, jwt) ->
            assertThatThrownBy(
                    () ->
                        verifier.verify(jwt.signWith(KEYS.getPrivate(), Jwts.SIG.RS256).compact()))
                .as(name)
                .isInstanceOf(TokenRejectedException.class));
  }

  @Test
  void rejectsAnExpiredToken() {
    String expired =
        token()
            .expiration(Date.from(NOW.minusSeconds(31)))
            .signWith(KEYS.getPrivate(), Jwts.SIG.RS256)
            .compact();
    assertThatThrownBy(() -> verifier.verify(expired))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessage("token expired");
  }

  @Test
  void toleratesSmallClockSkew() {
    String justExpired =
        token()
            .expiration(Date.from(NOW.minusSeconds(10)))
            .signWith(KEYS.getPrivate(), Jwts.SIG.RS256)
            .compact();
    assertThat(verifier.verify(justExpired).id()).isEqualTo(USER);
  }

  @Test
  void rejectsWrongIssuerAndWrongAudience() {
    String wrongIssuer =
        token().issuer("evil").signWith(KEYS.getPrivate(), Jwts.SIG.RS256).compact();
    String wrongAudience =
        token()
            .audience()
            .single("other-app")
            .signWith(KEYS.getPrivate(), Jwts.SIG.RS256)
            .compact();
    assertThatThrownBy(() -> verifier.verify(wrongIssuer)).hasMessageContaining("trusted issuer");
    assertThatThrownBy(() -> verifier.verify(wrongAudience)).hasMessageContaining("audience");
  }

  @Test
  void rejectsATamperedPayload() {
    String[] parts = token().signWith(KEYS.getPrivate(), Jwts.SIG.RS256).compact().split("\\.");
    String admin =
        b64(
            "{\"sub\":\""
                + USER
                + "\",\"roles\":[\"ADMIN\"],\"iss\":\"flashdeal-auth\",\"aud\":\"flashdeal\",\"exp\":"
                + NOW.plusSeconds(900).getEpochSecond()
                + "}");
    assertThatThrownBy(() -> verifier.verify(parts[0] + "." + admin + "." + parts[2]))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessage("signature does not verify");
  }

  @Test
  void rejectsASignatureFromAnotherKeyUnderAKnownKid() {
    String forged = token().signWith(OTHER_KEYS.getPrivate(), Jwts.SIG.RS256).compact();
    assertThatThrownBy(() -> verifier.verify(forged)).hasMessage("signature does not verify");
  }

  @Test
  void rejectsAlgNone() {
    String payload =
        b64(
            "{\"sub\":\""
                + USER
                + "\",\"roles\":[\"ADMIN\"],\"iss\":\"flashdeal-auth\",\"aud\":\"flashdeal\",\"exp\":"
                + NOW.plusSeconds(900).getEpochSecond()
                + "}");
    String unsigned = b64("{\"alg\":\"none\",\"kid\":\"k1\"}") + "." + payload + ".";
    assertThatThrownBy(() -> verifier.verify(unsigned)).isInstanceOf(TokenRejectedException.class);
  }

  @Test
  void rejectsHmacSignedWithThePublicKey() throws Exception {
    // The classic confusion attack: the public key is public, so an HS256 "signature" with it is
    // forgeable by anyone.
    String header = b64("{\"alg\":\"HS256\",\"kid\":\"k1\"}");
    String payload =
        b64(
            "{\"sub\":\""
                + USER
                + "\",\"roles\":[\"ADMIN\"],\"iss\":\"flashdeal-auth\",\"aud\":\"flashdeal\",\"exp\":"
                + NOW.plusSeconds(900).getEpochSecond()
                + "}");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEYS.getPublic().getEncoded(), "HmacSHA256"));
    String sig =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
    assertThatThrownBy(() -> verifier.verify(header + "." + payload + "." + sig))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining("HS256 is not accepted");
  }

  @Test
  void rejectsAnUnknownKid() {
    String unknown =
        token()
            .header()
            .keyId("k-unknown")
            .and()
            .signWith(KEYS.getPrivate(), Jwts.SIG.RS256)
            .compact();
    assertThatThrownBy(() -> verifier.verify(unknown)).hasMessage("unknown key id");
    assertThat(verifier.mayBlock(unknown)).isTrue();
  }

  @Test
  void rejectsTokensWithoutRolesOrWithANonUserSubject() {
    String noRoles =
        Jwts.builder()
            .header()
            .keyId("k1")
            .and()
            .subject(USER.toString())
            .issuer("flashdeal-auth")
            .audience()
            .add("flashdeal")
            .and()
            .expiration(Date.from(NOW.plusSeconds(60)))
            .signWith(KEYS.getPrivate(), Jwts.SIG.RS256)
            .compact();
    String badSubject =
        token().subject("admin").signWith(KEYS.getPrivate(), Jwts.SIG.RS256).compact();
    assertThatThrownBy(() -> verifier.verify(noRoles)).hasMessage("token carries no roles");
    assertThatThrownBy(() -> verifier.verify(badSubject))
        .hasMessage("token subject is not a user id");
  }

  @Test
  void rejectsGarbage() {
    for (String garbage : List.of("", "abc", "a.b.c", "x".repeat(10_000))) {
      assertThatThrownBy(() -> verifier.verify(garbage)).isInstanceOf(TokenRejectedException.class);
    }
  }

  @Test
  void bearerHeaderParsing() {
    assertThat(BearerTokens.extract("Bearer abc")).isEqualTo("abc");
    assertThat(BearerTokens.extract("bearer   abc ")).isEqualTo("abc");
    assertThatThrownBy(() -> BearerTokens.extract("Basic dXNlcg==")).hasMessageContaining("Bearer");
    assertThatThrownBy(() -> BearerTokens.extract("Bearer "))
        .isInstanceOf(TokenRejectedException.class);
  }

  @Test
  void jwksParsingKeepsOnlyRsaSigningKeys() {
    var pub = (java.security.interfaces.RSAPublicKey) KEYS.getPublic();
    String json =
        "{\"keys\":["
            + TestJwks.rsa(pub, "k1", "sig")
            + ","
            + TestJwks.rsa(pub, "enc", "enc")
            + ",{\"kty\":\"EC\",\"kid\":\"ec\",\"crv\":\"P-256\"}]}";
    assertThat(JwksKeySource.parse(json)).containsOnlyKeys("k1").containsEntry("k1", pub);
  }

  /** The test's keys, counting how often the verifier looks one up for a signature check. */
  private static final class CountingKeys implements KeySource {
    final Map<String, java.security.PublicKey> keys =
        new java.util.concurrent.ConcurrentHashMap<>(Map.of("k1", KEYS.getPublic()));
    final java.util.concurrent.atomic.AtomicInteger lookups =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public java.util.Optional<java.security.PublicKey> cached(String kid) {
      return java.util.Optional.ofNullable(keys.get(kid));
    }

    @Override
    public java.util.Optional<java.security.PublicKey> find(String kid) {
      lookups.incrementAndGet();
      return cached(kid);
    }
  }

  @Test
  void aTokenVerifiedOnceIsNotCheckedAgainUntilItExpires() {
    CountingKeys keys = new CountingKeys();
    MovableClock clock = new MovableClock(NOW);
    JwtVerifier remembering =
        new JwtVerifier(keys, "flashdeal-auth", "flashdeal", Duration.ofSeconds(30), clock);
    String token = token().signWith(KEYS.getPrivate(), Jwts.SIG.RS256).compact();
    for (int i = 0; i < 3; i++) {
      assertThat(remembering.verify(token).id()).isEqualTo(USER);
    }
    assertThat(keys.lookups).hasValue(1);
    // Within the clock skew after exp it is still good, as a fresh check would say ...
    clock.now = NOW.plusSeconds(840 + 29);
    assertThat(remembering.verify(token).id()).isEqualTo(USER);
    // ... and past it, refused: remembered or not, an expired token is expired.
    clock.now = NOW.plusSeconds(840 + 31);
    assertThatThrownBy(() -> remembering.verify(token))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void aRememberedTokenIsRefusedOnceItsKeyIsGone() {
    CountingKeys keys = new CountingKeys();
    JwtVerifier remembering =
        new JwtVerifier(
            keys,
            "flashdeal-auth",
            "flashdeal",
            Duration.ofSeconds(30),
            Clock.fixed(NOW, ZoneOffset.UTC));
    String token = token().signWith(KEYS.getPrivate(), Jwts.SIG.RS256).compact();
    remembering.verify(token);
    keys.keys.clear(); // the key was rotated out of the key set
    assertThatThrownBy(() -> remembering.verify(token))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining("unknown key id");
  }

  @Test
  void onlyTheExactTokenIsRemembered() {
    String token = token().signWith(KEYS.getPrivate(), Jwts.SIG.RS256).compact();
    verifier.verify(token);
    // Same header and claims, the signature altered: a new string, checked in full.
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(TokenRejectedException.class);
  }
}
