package com.flashdeal.auth.token;

import com.flashdeal.auth.AuthProperties;
import com.flashdeal.auth.account.Account;
import com.flashdeal.servicecore.security.VerifiedUser;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens: {@code sub}, {@code roles}, {@code iss}, {@code aud}, {@code exp}, {@code
 * iat}, {@code jti}.
 */
@Component
public class TokenIssuer {
  private final SigningKeys keys;
  private final AuthProperties properties;
  private final Clock clock;

  TokenIssuer(SigningKeys keys, AuthProperties properties, Clock clock) {
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
  }

  public record IssuedToken(String token, Instant expiresAt, long expiresIn) {}

  public IssuedToken issue(Account account) {
    return sign(account.id(), account.roles(), null, properties.tokenTtl());
  }

  /** A service token: {@code roles: [SERVICE]} and {@code client_id} (RFC 9068). */
  public IssuedToken issueService(String clientId) {
    return sign(
        VerifiedUser.serviceSubject(clientId),
        List.of(VerifiedUser.SERVICE_ROLE),
        clientId,
        properties.serviceTokenTtl());
  }

  private IssuedToken sign(UUID subject, Object roles, String clientId, Duration ttl) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    var builder =
        Jwts.builder()
            .header()
            .keyId(keys.signingKeyId())
            .and()
            .subject(subject.toString())
            .claim("roles", roles);
    if (clientId != null) {
      builder = builder.claim("client_id", clientId);
    }
    String token =
        builder
            .issuer(properties.issuer())
            .audience()
            .add(properties.audience())
            .and()
            .issuedAt(Date.from(now))
            .expiration(Date.from(expires))
            .id(UUID.randomUUID().toString())
            .signWith(keys.signingKey(), Jwts.SIG.RS256)
            .compact();
    return new IssuedToken(token, expires, ttl.toSeconds());
  }
}
