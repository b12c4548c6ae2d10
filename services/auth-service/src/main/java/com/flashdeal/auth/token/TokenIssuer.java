package com.flashdeal.auth.token;

import com.flashdeal.auth.AuthProperties;
import com.flashdeal.auth.account.Account;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
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
    Instant now = clock.instant();
    Instant expires = now.plus(properties.tokenTtl());
    String token =
        Jwts.builder()
            .header()
            .keyId(keys.signingKeyId())
            .and()
            .subject(account.id().toString())
            .claim("roles", account.roles())
            .issuer(properties.issuer())
            .audience()
            .add(properties.audience())
            .and()
            .issuedAt(Date.from(now))
            .expiration(Date.from(expires))
            .id(UUID.randomUUID().toString())
            .signWith(keys.signingKey(), Jwts.SIG.RS256)
            .compact();
    return new IssuedToken(token, expires, properties.tokenTtl().toSeconds());
  }
}
