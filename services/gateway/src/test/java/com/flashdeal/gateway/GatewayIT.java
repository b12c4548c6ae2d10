package com.flashdeal.gateway;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.testing.TestHttp;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of the real auth-service (its jar, as its own process, on the private
 * PostgreSQL). The product route points at a recording upstream so the test sees exactly what the
 * gateway forwards; the order route points at a closed port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {
  private static final String PASSWORD = "correct-horse-battery-staple";

  private static ServiceProcess auth;
  private static HttpServer upstream;
  private static final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void start(DynamicPropertyRegistry registry) throws IOException {
    Map<String, String> deps = LocalDeps.ensureUp().environment();
    int authPort = ServiceProcess.freePort();
    Map<String, String> env = new HashMap<>(deps);
    env.put("FLASHDEAL_AUTH_PORT", Integer.toString(authPort));
    env.put("FLASHDEAL_AUTH_JWT_PRIVATE_KEY", TestTokens.privatePem());
    env.put(
        "FLASHDEAL_AUTH_ARGON2_MEMORY_KIB", "8192"); // the test is about routing, not hashing cost
    auth =
        ServiceProcess.start(
            Path.of(System.getProperty("flashdeal.auth-service.jar")),
            authPort,
            env,
            Duration.ofSeconds(90));

    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          Map<String, String> headers = new HashMap<>();
          exchange
              .getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
          headers.put(":path", exchange.getRequestURI().getPath());
          seen.add(headers);
          if (exchange.getRequestURI().getPath().equals("/products/slow")) {
            try {
              Thread.sleep(5000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    upstream.start();

    registry.add("flashdeal.gateway.upstreams.auth", () -> "http://127.0.0.1:" + authPort);
    registry.add(
        "flashdeal.gateway.upstreams.product",
        () -> "http://127.0.0.1:" + upstream.getAddress().getPort());
    registry.add(
        "flashdeal.gateway.upstreams.order", () -> "http://127.0.0.1:" + ServiceProcess.freePort());
    // Short enough for /products/slow to be a 504, long enough for a cold auth-service's first
    // Argon2id signup on a busy machine (1 s was not: a CI run got a 504 for the signup).
    registry.add("flashdeal.gateway.response-timeout", () -> "3s");
    registry.add(
        "flashdeal.security.jwks-uri",
        () -> "http://127.0.0.1:" + authPort + "/auth/.well-known/jwks.json");
  }

  @AfterAll
  static void stop() {
    if (upstream != null) {
      upstream.stop(0);
    }
    if (auth != null) {
      auth.close();
    }
  }

  @BeforeEach
  void clear() {
    seen.clear();
  }

  @Test
  void loginThroughTheGatewayThenAnAuthorisedCall() {
    String email = "gw-" + UUID.randomUUID() + "@example.com";
    Response signup =
        post("/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(signup.status()).as(signup.body()).isEqualTo(201);
    String userId = signup.json().path("id").asString();
    String token = login(email);

    Response call =
        get(
            "/products/42",
            Map.of("Authorization", "Bearer " + token, "X-Request-Id", "trace-gw-1"));
    assertThat(call.status()).isEqualTo(200);
    assertThat(seen).hasSize(1);
    Map<String, String> forwarded = seen.get(0);
    assertThat(forwarded).containsEntry("x-user-id", userId).containsEntry("x-user-roles", "USER");
    assertThat(forwarded.get("authorization"))
        .as("services verify the token again")
        .isEqualTo("Bearer " + token);
    assertThat(forwarded).containsEntry("x-request-id", "trace-gw-1");
    assertThat(call.header("X-Request-Id")).isEqualTo("trace-gw-1");

    Response me = get("/auth/me", Map.of("Authorization", "Bearer " + token));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("id").asString()).isEqualTo(userId);
  }

  @Test
  void spoofedIdentityHeadersAreReplacedByTheVerifiedOnes() {
    String email = "spoof-" + UUID.randomUUID() + "@example.com";
    String userId =
        post("/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
            .json()
            .path("id")
            .asString();
    String token = login(email);
    get(
        "/deals/7",
        Map.of(
            "Authorization",
            "Bearer " + token,
            "X-User-Id",
            UUID.randomUUID().toString(),
            "X-User-Roles",
            "ADMIN",
            "X-User-Email",
            "admin@flashdeal.dev"));
    assertThat(seen)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h)
                  .containsEntry("x-user-id", userId)
                  .containsEntry("x-user-roles", "USER");
              assertThat(h).doesNotContainKey("x-user-email");
            });
  }

  @Test
  void protectedRoutesNeedAValidToken() {
    Response none = get("/products/1", Map.of());
    assertProblem(none, 401, "UNAUTHENTICATED");
    assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");

    UUID user = UUID.randomUUID();
    String kid = authKeyId();
    String good = TestTokens.sign(TestTokens.claims(user, kid, "USER"));
    assertThat(get("/products/1", Map.of("Authorization", "Bearer " + good)).status())
        .as("control")
        .isEqualTo(200);

    Map<String, String> bad = new java.util.LinkedHashMap<>(TestTokens.rejected(user, kid));
    bad.put("basic scheme", null);
    seen.clear();
    for (var e : bad.entrySet()) {
      String header = e.getValue() == null ? "Basic dXNlcjpwYXNz" : "Bearer " + e.getValue();
      Response r = get("/orders", Map.of("Authorization", header));
      assertProblem(r, 401, "UNAUTHENTICATED");
      assertThat(r.header("WWW-Authenticate")).as(e.getKey()).contains("invalid_token");
    }
    assertThat(seen).as("nothing rejected reached an upstream").isEmpty();
  }

  @Test
  void internalRoutesAreNeverReachable() {
    String token = TestTokens.sign(TestTokens.claims(UUID.randomUUID(), authKeyId(), "USER"));
    for (String path :
        List.of("/internal/deals/1/reservations", "/internal", "/internal/reservations/x")) {
      assertProblem(get(path, Map.of("Authorization", "Bearer " + token)), 404, "NOT_FOUND");
      assertProblem(get(path, Map.of()), 404, "NOT_FOUND");
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void upstreamFailuresAreProblems() {
    String token = TestTokens.sign(TestTokens.claims(UUID.randomUUID(), authKeyId(), "USER"));
    assertProblem(
        get("/orders", Map.of("Authorization", "Bearer " + token)), 503, "UPSTREAM_UNAVAILABLE");
    assertProblem(
        get("/products/slow", Map.of("Authorization", "Bearer " + token)), 504, "UPSTREAM_TIMEOUT");
    assertProblem(
        get("/nothing-here", Map.of("Authorization", "Bearer " + token)), 404, "NOT_FOUND");
  }

  @Test
  void oversizedRequestLinesAndHeadersAreProblems() {
    // Reactor Netty's own answer was an empty 414 that no contract documents (schemathesis found
    // it).
    String token = TestTokens.sign(TestTokens.claims(UUID.randomUUID(), authKeyId(), "USER"));
    assertProblem(
        get("/products?page=" + "9".repeat(9000), Map.of("Authorization", "Bearer " + token)),
        414,
        "REQUEST_TOO_LARGE");
    assertProblem(
        get("/products", Map.of("Authorization", "Bearer " + token, "X-Filler", "f".repeat(17000))),
        431,
        "REQUEST_TOO_LARGE");
    // Just under the limits is read and routed as usual.
    assertThat(
            get("/products?page=" + "9".repeat(7000), Map.of("Authorization", "Bearer " + token))
                .status())
        .isEqualTo(200);
    assertThat(seen).hasSize(1);
  }

  @Test
  void pathsTomcatWouldRefuseWithAnHtmlPageAreProblems() {
    String token = TestTokens.sign(TestTokens.claims(UUID.randomUUID(), authKeyId(), "USER"));
    for (String path : List.of("/products/a%5Cb", "/products/a%2fb", "/products/a%00b")) {
      assertProblem(
          get(path, Map.of("Authorization", "Bearer " + token)), 400, "VALIDATION_FAILED");
    }
    assertThat(seen).as("nothing forwarded").isEmpty();
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------------------

  /** auth-service derives its key id from the key, so ask its JWKS. */
  private String authKeyId() {
    return get("/auth/.well-known/jwks.json", Map.of())
        .json()
        .path("keys")
        .get(0)
        .path("kid")
        .asString();
  }

  private String login(String email) {
    Response login =
        post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return login.json().path("accessToken").asString();
  }

  private Response post(String path, String json) {
    return TestHttp.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Response get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(b::header);
    return TestHttp.send(b);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
