package com.flashdeal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.TestHttp;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The gateway with rate limiting on, in front of one stand-in upstream for every route (it answers
 * 200 to anything and counts what reached it) and the test key set. Small limits, so a test reaches
 * them in a few requests.
 */
abstract class RateLimitTestBase {
  static final AtomicInteger reached = new AtomicInteger();
  private static HttpServer upstream;

  @LocalServerPort int port;

  static synchronized void stubs(DynamicPropertyRegistry registry) throws IOException {
    if (upstream == null) {
      upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] jwks = TestTokens.jwksJson().getBytes(StandardCharsets.UTF_8);
      upstream.createContext(
          "/auth/.well-known/jwks.json",
          ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, jwks.length);
            ex.getResponseBody().write(jwks);
            ex.close();
          });
      upstream.createContext(
          "/",
          ex -> {
            ex.getRequestBody().readAllBytes();
            reached.incrementAndGet();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
          });
      upstream.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
      upstream.start();
    }
    String url = "http://127.0.0.1:" + upstream.getAddress().getPort();
    registry.add("flashdeal.gateway.upstreams.auth", () -> url);
    registry.add("flashdeal.gateway.upstreams.product", () -> url);
    registry.add("flashdeal.gateway.upstreams.order", () -> url);
    registry.add("flashdeal.security.jwks-uri", () -> url + "/auth/.well-known/jwks.json");
    registry.add("flashdeal.gateway.rate-limit.enabled", () -> "true");
    registry.add("flashdeal.gateway.rate-limit.order-per-user.rate", () -> "0.2");
    registry.add("flashdeal.gateway.rate-limit.order-per-user.burst", () -> "3");
    registry.add("flashdeal.gateway.rate-limit.login-per-account.rate", () -> "0.05");
    registry.add("flashdeal.gateway.rate-limit.login-per-account.burst", () -> "3");
    registry.add("flashdeal.gateway.rate-limit.login-per-address.rate", () -> "0.05");
    registry.add("flashdeal.gateway.rate-limit.login-per-address.burst", () -> "8");
  }

  Response order(UUID user) {
    return TestHttp.send(
        HttpRequest.newBuilder(uri("/orders"))
            .header("Authorization", "Bearer " + TestTokens.user(user))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "k-" + UUID.randomUUID())
            .POST(HttpRequest.BodyPublishers.ofString("{\"dealId\":1,\"quantity\":1}")));
  }

  Response login(String email) {
    return TestHttp.send(
        HttpRequest.newBuilder(uri("/auth/login"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\"" + email + "\",\"password\":\"wrong-password-123\"}")));
  }

  static void assertRateLimited(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(429);
    assertThat(r.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo("RATE_LIMITED");
    assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
    assertThat(r.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(r.header("RateLimit-Limit")).isNotNull();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
