package com.flashdeal.servicecore.security;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service tokens from auth-service's {@code /internal/service-tokens}, cached and renewed once 80 %
 * of their lifetime has passed (one request at a time; the others wait for it and share the
 * result).
 */
public class AuthServiceTokens implements ServiceTokens {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ServiceClient config;
  private final Clock clock;
  private final HttpClient http;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Cached cached;

  private record Cached(String token, Instant renewAt) {}

  public AuthServiceTokens(ServiceClient config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  /**
   * Fails at startup, not at the first call, when a service that calls others has no credentials.
   */
  public static void requireConfigured(ServiceClient config, String why) {
    if (!config.configured()) {
      throw new IllegalStateException(
          "this service calls "
              + why
              + " with its own identity, but flashdeal.service-client.client-id, client-secret"
              + " and token-uri (FLASHDEAL_SERVICE_CLIENT_SECRET, ...) are not all set; the"
              + " launcher and the charts provide them");
    }
  }

  @Override
  public String token() {
    Cached c = cached;
    if (c != null && clock.instant().isBefore(c.renewAt())) {
      return c.token();
    }
    lock.lock();
    try {
      c = cached;
      if (c != null && clock.instant().isBefore(c.renewAt())) {
        return c.token();
      }
      cached = fetch();
      return cached.token();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void invalidate() {
    cached = null;
  }

  private Cached fetch() {
    if (!config.configured()) {
      throw new ServiceTokenUnavailableException(
          "no service credentials configured (FLASHDEAL_SERVICE_CLIENT_SECRET)", null);
    }
    byte[] body =
        JSON.writeValueAsBytes(
            Map.of("clientId", config.clientId(), "clientSecret", config.clientSecret()));
    HttpRequest request =
        HttpRequest.newBuilder(config.tokenUri())
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ServiceTokenUnavailableException("auth-service unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceTokenUnavailableException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new ServiceTokenUnavailableException(
          "auth-service answered " + response.statusCode() + " to " + config.clientId(), null);
    }
    JsonNode token = JSON.readTree(response.body());
    long lifetime = token.path("expiresIn").asLong(60);
    Instant renewAt = clock.instant().plus(Duration.ofMillis(lifetime * 800));
    return new Cached(token.path("accessToken").asString(), renewAt);
  }
}
