package com.flashdeal.servicedefaults.warmup;

import com.flashdeal.servicecore.security.JwtVerifier;
import com.flashdeal.servicecore.security.KeySource;
import io.jsonwebtoken.Jwts;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The signing key of the warm-up's own tokens: made in this process when the warm-up starts,
 * trusted by this process's {@link JwtVerifier} only while it runs, and never published. Without it
 * the warm-up could not pass the bearer-token filter, which every service applies to every call
 * (tokens are auth-service's to issue); with it, the warm-up's calls take exactly the path of a
 * buyer's. Nobody outside can sign with it (the private key never leaves memory), and once the
 * warm-up is over its tokens are refused like any unknown key's, remembered ones included.
 */
public final class WarmUpKey {
  private final String kid = "warm-up-" + UUID.randomUUID();
  private volatile KeyPair pair;

  /** The application's key source, plus this key while the warm-up runs. */
  public KeySource over(KeySource keys) {
    return new KeySource() {
      @Override
      public Optional<PublicKey> cached(String id) {
        return id.equals(kid) ? own() : keys.cached(id);
      }

      @Override
      public Optional<PublicKey> find(String id) {
        return id.equals(kid) ? own() : keys.find(id);
      }
    };
  }

  private Optional<PublicKey> own() {
    KeyPair p = pair;
    return p == null ? Optional.empty() : Optional.of(p.getPublic());
  }

  /** From now on this key signs and is trusted (a new pair each time). */
  void open() {
    pair = Jwts.SIG.RS256.keyPair().build();
  }

  /** From now on its tokens are refused; the key itself is dropped. */
  void close() {
    pair = null;
  }

  /**
   * A token as auth-service would issue it: a user's ({@code clientId} null, role USER) or a
   * service's (role SERVICE, the subject derived from the client id).
   */
  String token(
      UUID subject,
      List<String> roles,
      String clientId,
      String issuer,
      String audience,
      Duration ttl) {
    KeyPair p = pair;
    if (p == null) {
      throw new IllegalStateException("the warm-up key is closed");
    }
    Instant now = Instant.now();
    var token =
        Jwts.builder()
            .header()
            .keyId(kid)
            .and()
            .issuer(issuer)
            .audience()
            .add(audience)
            .and()
            .subject(subject.toString())
            .id(UUID.randomUUID().toString())
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plus(ttl)))
            .claim("roles", roles);
    if (clientId != null) {
      token.claim("client_id", clientId);
    }
    return token.signWith(p.getPrivate(), Jwts.SIG.RS256).compact();
  }
}
