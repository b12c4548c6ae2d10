package com.flashdeal.servicecore.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.security.SignatureException;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies Flash Deal access tokens: RS256 only (so neither {@code alg: none} nor
 * HMAC-signed-with-the-public-key passes), a known {@code kid}, and {@code iss}, {@code aud},
 * {@code exp} as configured. Shared by the gateway and every service so they all apply the same
 * rules.
 *
 * <p>A token once verified is remembered until it expires: one order carries the same user token
 * through three services and the same service token on every internal call, and the RSA check was
 * the largest single cost of a SOLD_OUT answer (19 % of product-service's CPU, 14 % of the
 * gateway's; docs/phase3-redis-design.md). The memory is keyed by the whole token string, so only
 * that exact, already verified token matches; it holds a token no longer than its {@code exp} (plus
 * the clock skew, as a fresh check would) and no longer than its key is known.
 */
public final class JwtVerifier {
  public static final String ALGORITHM = "RS256";

  private final KeySource keys;
  private final String issuer;
  private final String audience;
  private final Duration clockSkew;
  private final Clock clock;
  // Bounded, least recently used first out (a sale's buyers keep theirs; a flood of one-off tokens
  // cannot grow it), instead of a map emptied whole at its size.
  private final Cache<String, Remembered> verified =
      Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

  /** At most this many tokens remembered; past it the memory starts over (a crude, safe bound). */
  static final int MAX_REMEMBERED = 20_000;

  private record Remembered(VerifiedUser user, String kid, Instant validUntil) {}

  public JwtVerifier(
      KeySource keys, String issuer, String audience, Duration clockSkew, Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.audience = audience;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  /**
   * Whether verifying this token may need I/O (an unknown key id): reactive callers move such work
   * off the loop.
   */
  public boolean mayBlock(String token) {
    return kidOf(token).flatMap(keys::cached).isEmpty();
  }

  public VerifiedUser verify(String token) {
    if (token == null || token.isBlank()) {
      throw new TokenRejectedException("no token");
    }
    if (token.length() > 8192) {
      throw new TokenRejectedException("token too large");
    }
    Remembered known = verified.getIfPresent(token);
    if (known != null) {
      if (clock.instant().isBefore(known.validUntil()) && keys.cached(known.kid()).isPresent()) {
        return known.user();
      }
      verified.invalidate(token); // expired or its key is gone: the full check below says why
    }
    Jws<Claims> jws = parse(token);
    VerifiedUser user = userOf(jws.getPayload());
    verified.put(
        token,
        new Remembered(
            user,
            jws.getHeader().getKeyId(),
            jws.getPayload().getExpiration().toInstant().plus(clockSkew)));
    return user;
  }

  private Jws<Claims> parse(String token) {
    Jws<Claims> jws;
    try {
      jws =
          Jwts.parser()
              .keyLocator(new Locator())
              .requireIssuer(issuer)
              .requireAudience(audience)
              .clockSkewSeconds(clockSkew.toSeconds())
              .clock(() -> Date.from(clock.instant()))
              .build()
              .parseSignedClaims(token);
    } catch (ExpiredJwtException e) {
      throw new TokenRejectedException("token expired", e);
    } catch (IncorrectClaimException | MissingClaimException e) {
      throw new TokenRejectedException(
          "token not issued for this audience or by the trusted issuer", e);
    } catch (SignatureException e) {
      throw new TokenRejectedException("signature does not verify", e);
    } catch (TokenRejectedException e) {
      throw e;
    } catch (JwtException | IllegalArgumentException e) {
      throw new TokenRejectedException("malformed or unsupported token", e);
    }
    if (jws.getPayload().getExpiration() == null) {
      throw new TokenRejectedException("token has no expiry");
    }
    return jws;
  }

  private static VerifiedUser userOf(Claims claims) {
    UUID subject;
    try {
      subject = UUID.fromString(claims.getSubject());
    } catch (RuntimeException e) {
      throw new TokenRejectedException("token subject is not a user id", e);
    }
    Set<String> roles = roles(claims.get("roles"));
    Object client = claims.get("client_id");
    boolean service = roles.contains(VerifiedUser.SERVICE_ROLE);
    if (service != (client instanceof String)) {
      // A SERVICE role without the client it was issued to (or a client id on a user's token) is
      // not something auth-service issues.
      throw new TokenRejectedException("token mixes service and user claims");
    }
    if (service
        && (roles.size() != 1 || !subject.equals(VerifiedUser.serviceSubject((String) client)))) {
      throw new TokenRejectedException("service token does not match its client");
    }
    return new VerifiedUser(subject, roles, claims.getId(), service ? (String) client : null);
  }

  private static Set<String> roles(Object claim) {
    Set<String> roles = new LinkedHashSet<>();
    if (claim instanceof Collection<?> list) {
      list.forEach(r -> roles.add(String.valueOf(r)));
    }
    if (roles.isEmpty()) {
      throw new TokenRejectedException("token carries no roles");
    }
    return roles;
  }

  /** The header's key id; compiled once (the gateway asks for every request). */
  private static final java.util.regex.Pattern KID =
      java.util.regex.Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]{1,200})\"");

  private static Optional<String> kidOf(String token) {
    try {
      int dot = token.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      String header =
          new String(
              java.util.Base64.getUrlDecoder().decode(token.substring(0, dot)),
              java.nio.charset.StandardCharsets.UTF_8);
      var m = KID.matcher(header);
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Refuses anything but RS256 before a key is even looked up. */
  private final class Locator extends LocatorAdapter<Key> {
    @Override
    protected Key locate(JwsHeader header) {
      if (!ALGORITHM.equals(header.getAlgorithm())) {
        throw new TokenRejectedException("algorithm " + header.getAlgorithm() + " is not accepted");
      }
      String kid = header.getKeyId();
      if (kid == null) {
        throw new TokenRejectedException("token has no key id");
      }
      return keys.find(kid).orElseThrow(() -> new TokenRejectedException("unknown key id"));
    }

    @Override
    protected Key doLocate(Header header) {
      throw new TokenRejectedException("unsigned tokens are not accepted");
    }
  }
}
