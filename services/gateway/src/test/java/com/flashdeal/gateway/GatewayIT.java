package com.flashdeal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in front of the real auth-service (its jar, as its own process, on the private
 * PostgreSQL). The product route points at a recording upstream so the test sees exactly what the
 * gateway forwards; the order route points at a closed port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "correct-horse-battery-staple";
  private static final KeyPair SIGNING = rsa();

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
    env.put("FLASHDEAL_AUTH_JWT_PRIVATE_KEY", privatePem());
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
              Thread.sleep(2500);
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
    registry.add("flashdeal.gateway.response-timeout", () -> "1s");
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
    assertThat(signup.status).as(signup.body()).isEqualTo(201);
    String userId = signup.json.path("id").asString();
    String token = login(email);

    Response call =
        get(
            "/products/42",
            Map.of("Authorization", "Bearer " + token, "X-Request-Id", "trace-gw-1"));
    assertThat(call.status).isEqualTo(200);
    assertThat(seen).hasSize(1);
    Map<String, String> forwarded = seen.get(0);
    assertThat(forwarded).containsEntry("x-user-id", userId).containsEntry("x-user-roles", "USER");
    assertThat(forwarded.get("authorization"))
        .as("services verify the token again")
        .isEqualTo("Bearer " + token);
    assertThat(forwarded).containsEntry("x-request-id", "trace-gw-1");
    assertThat(call.header("X-Request-Id")).isEqualTo("trace-gw-1");

    Response me = get("/auth/me", Map.of("Authorization", "Bearer " + token));
    assertThat(me.status).isEqualTo(200);
    assertThat(me.json.path("id").asString()).isEqualTo(userId);
  }

  @Test
  void spoofedIdentityHeadersAreReplacedByTheVerifiedOnes() {
    String email = "spoof-" + UUID.randomUUID() + "@example.com";
    String userId =
        post("/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
            .json
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
    String kid =
        get("/auth/.well-known/jwks.json", Map.of())
            .json
            .path("keys")
            .get(0)
            .path("kid")
            .asString();
    String good = sign(claims(user, kid));
    assertThat(get("/products/1", Map.of("Authorization", "Bearer " + good)).status)
        .as("control")
        .isEqualTo(200);
    String[] parts = good.split("\\.");

    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put(
        "expired", sign(claims(user, kid).expiration(Date.from(Instant.now().minusSeconds(120)))));
    bad.put("wrong issuer", sign(claims(user, kid).issuer("elsewhere")));
    bad.put("wrong audience", sign(claims(user, kid).audience().single("other")));
    bad.put("unknown kid", sign(claims(user, kid).header().keyId("rsa-nope").and()));
    bad.put(
        "tampered",
        parts[0]
            + "."
            + b64(
                "{\"sub\":\""
                    + user
                    + "\",\"roles\":[\"ADMIN\"],\"iss\":\"flashdeal-auth\",\"aud\":\"flashdeal\",\"exp\":"
                    + (Instant.now().getEpochSecond() + 600)
                    + "}")
            + "."
            + parts[2]);
    bad.put("alg none", b64("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + ".");
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
    String token =
        sign(
            claims(
                UUID.randomUUID(),
                get("/auth/.well-known/jwks.json", Map.of())
                    .json
                    .path("keys")
                    .get(0)
                    .path("kid")
                    .asString()));
    for (String path :
        List.of("/internal/deals/1/reservations", "/internal", "/internal/reservations/x")) {
      assertProblem(get(path, Map.of("Authorization", "Bearer " + token)), 404, "NOT_FOUND");
      assertProblem(get(path, Map.of()), 404, "NOT_FOUND");
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void upstreamFailuresAreProblems() {
    String token =
        sign(
            claims(
                UUID.randomUUID(),
                get("/auth/.well-known/jwks.json", Map.of())
                    .json
                    .path("keys")
                    .get(0)
                    .path("kid")
                    .asString()));
    assertProblem(
        get("/orders", Map.of("Authorization", "Bearer " + token)), 503, "UPSTREAM_UNAVAILABLE");
    assertProblem(
        get("/products/slow", Map.of("Authorization", "Bearer " + token)), 504, "UPSTREAM_TIMEOUT");
    assertProblem(
        get("/nothing-here", Map.of("Authorization", "Bearer " + token)), 404, "NOT_FOUND");
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------------------

  record Response(int status, JsonNode json, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String body() {
      return raw.body();
    }
  }

  private String login(String email) {
    Response login =
        post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.status).as(login.body()).isEqualTo(200);
    return login.json.path("accessToken").asString();
  }

  private Response post(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Response get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(b::header);
    return send(b);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body()), r);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void assertProblem(Response r, int status, String code) {
    assertThat(r.status).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json.path("code").asString()).isEqualTo(code);
    assertThat(r.json.path("requestId").asString()).isNotBlank();
  }

  private static io.jsonwebtoken.JwtBuilder claims(UUID user, String kid) {
    return Jwts.builder()
        .header()
        .keyId(kid)
        .and()
        .subject(user.toString())
        .claim("roles", List.of("USER"))
        .issuer("flashdeal-auth")
        .audience()
        .add("flashdeal")
        .and()
        .issuedAt(new Date())
        .expiration(Date.from(Instant.now().plusSeconds(600)))
        .id(UUID.randomUUID().toString());
  }

  private static String sign(io.jsonwebtoken.JwtBuilder b) {
    return b.signWith(SIGNING.getPrivate(), Jwts.SIG.RS256).compact();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String privatePem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(SIGNING.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
