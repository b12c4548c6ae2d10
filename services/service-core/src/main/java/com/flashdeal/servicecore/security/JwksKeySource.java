package com.flashdeal.servicecore.security;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keys from auth-service's JWKS endpoint, cached. An unknown {@code kid} triggers one refetch (keys
 * rotate), but at most once per {@code minRefreshInterval} — or once per {@link
 * #RETRY_AFTER_FAILURE} while the last fetch failed: a service that started while auth-service
 * could not be reached (a rollout restarts them together) rejected every token as "unknown key id"
 * for the whole interval, though auth-service answered a second later. The whole set is also
 * refreshed after {@code ttl}. Only RSA signing keys are taken. One shared HttpClient: a client per
 * request would exhaust connections under load.
 */
public final class JwksKeySource implements KeySource {
  private static final Logger log = LoggerFactory.getLogger(JwksKeySource.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI jwksUri;
  private final HttpClient http;
  private final Duration ttl;
  private final Duration minRefreshInterval;
  private final Clock clock;

  private volatile Map<String, PublicKey> keys = Map.of();
  private volatile Instant fetchedAt = Instant.EPOCH;
  private Instant lastAttempt = Instant.EPOCH;
  private boolean lastFailed;

  /** How soon a failed fetch is tried again (the normal interval guards a working endpoint). */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

  public JwksKeySource(URI jwksUri, Duration ttl, Duration minRefreshInterval, Clock clock) {
    this.jwksUri = jwksUri;
    this.ttl = ttl;
    this.minRefreshInterval = minRefreshInterval;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public Optional<PublicKey> cached(String kid) {
    if (clock.instant().isAfter(fetchedAt.plus(ttl))) {
      return Optional.empty();
    }
    return Optional.ofNullable(keys.get(kid));
  }

  @Override
  public Optional<PublicKey> find(String kid) {
    Optional<PublicKey> known = cached(kid);
    if (known.isPresent()) {
      return known;
    }
    refresh();
    return Optional.ofNullable(keys.get(kid));
  }

  private synchronized void refresh() {
    Instant now = clock.instant();
    Duration wait =
        lastFailed && RETRY_AFTER_FAILURE.compareTo(minRefreshInterval) < 0
            ? RETRY_AFTER_FAILURE
            : minRefreshInterval;
    if (now.isBefore(lastAttempt.plus(wait))) {
      return;
    }
    lastAttempt = now;
    lastFailed = true;
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(3)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        log.warn("JWKS fetch from {} answered {}", jwksUri, response.statusCode());
        return;
      }
      keys = parse(response.body());
      fetchedAt = now;
      lastFailed = false;
      log.info("JWKS from {}: key ids {}", jwksUri, keys.keySet());
    } catch (IOException e) {
      log.warn("JWKS fetch from {} failed: {}", jwksUri, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Map<String, PublicKey> parse(String json) {
    Map<String, PublicKey> parsed = new HashMap<>();
    JsonNode root = JSON.readTree(json);
    for (JsonNode key : root.path("keys")) {
      String kty = key.path("kty").asString("");
      String use = key.path("use").asString("sig");
      String kid = key.path("kid").asString("");
      if (!"RSA".equals(kty) || !"sig".equals(use) || kid.isEmpty()) {
        continue;
      }
      try {
        BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asString("")));
        BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asString("")));
        parsed.put(kid, KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
      } catch (GeneralSecurityException | IllegalArgumentException ex) {
        log.warn("ignoring unusable JWK {}: {}", kid, ex.toString());
      }
    }
    return Map.copyOf(parsed);
  }
}
