package com.flashdeal.auth;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicedefaults.testing.TestHttp;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** auth-service over real HTTP against the private PostgreSQL (started by local-deps if needed). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthServiceIT {

  static final String ADMIN_EMAIL = "admin@flashdeal.test";
  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String PASSWORD = "correct-horse-battery-staple";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired com.flashdeal.servicecore.security.JwtVerifier verifier;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Map<String, String> deps = LocalDeps.ensureUp().environment();
    registry.add("spring.datasource.url", () -> deps.get("FLASHDEAL_AUTH_DB_URL"));
    registry.add("spring.datasource.username", () -> deps.get("FLASHDEAL_AUTH_DB_USER"));
    registry.add("spring.datasource.password", () -> deps.get("FLASHDEAL_AUTH_DB_PASSWORD"));
    registry.add("flashdeal.auth.jwt.private-key", TestTokens::privatePem);
    registry.add("flashdeal.auth.admin.email", () -> ADMIN_EMAIL);
    registry.add("flashdeal.auth.admin.password", () -> ADMIN_PASSWORD);
    registry.add(
        "flashdeal.auth.service-clients",
        () -> "order-service:" + java.util.HexFormat.of().formatHex(sha256(SERVICE_SECRET)));
  }

  static final String SERVICE_SECRET = "0123456789abcdef0123456789abcdef-order-service-test";

  private static byte[] sha256(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- service identity
  // ---------------------------------------------------------------------------------------------

  @Test
  void aServiceGetsATokenForItsSecretAndNothingElse() {
    Response issued =
        post(
            "/internal/service-tokens",
            "{\"clientId\":\"order-service\",\"clientSecret\":\"" + SERVICE_SECRET + "\"}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
    assertThat(issued.json().path("expiresIn").asInt()).isEqualTo(300);
    String token = issued.json().path("accessToken").asString();
    var verified = verifier.verify(token);
    assertThat(verified.clientId()).isEqualTo("order-service");
    assertThat(verified.roles()).containsExactly("SERVICE");

    // A service token is not a person: it cannot act as one.
    assertThat(get("/auth/me", token, Map.of()).status()).isEqualTo(403);

    for (String refused :
        List.of(
            "{\"clientId\":\"order-service\",\"clientSecret\":\"" + SERVICE_SECRET + "x\"}",
            "{\"clientId\":\"product-service\",\"clientSecret\":\"" + SERVICE_SECRET + "\"}")) {
      Response r = post("/internal/service-tokens", refused);
      assertThat(r.status()).as(refused).isEqualTo(401);
      assertThat(r.json().path("code").asString()).isEqualTo("INVALID_CREDENTIALS");
    }
    assertThat(post("/internal/service-tokens", "{\"clientId\":\"order-service\"}").status())
        .isEqualTo(400);
  }

  @BeforeEach
  void onlyTheAdminRemains() {
    jdbc.sql("DELETE FROM user_account WHERE NOT ('ADMIN' = ANY (roles))").update();
  }

  // ---- signup & login
  // ---------------------------------------------------------------------------------------------

  @Test
  void signupLoginAndWhoAmI() {
    Response signup =
        post(
            "/auth/signup",
            "{\"email\":\"Ada@Example.com\",\"password\":\""
                + PASSWORD
                + "\",\"displayName\":\"Ada\"}");
    assertThat(signup.status()).isEqualTo(201);
    assertThat(signup.header("Location")).isEqualTo("/auth/me");
    assertThat(signup.json().path("roles").toString()).isEqualTo("[\"USER\"]");
    String id = signup.json().path("id").asString();

    Response login =
        post("/auth/login", "{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("Cache-Control")).isEqualTo("no-store");
    assertThat(login.json().path("tokenType").asString()).isEqualTo("Bearer");
    assertThat(login.json().path("expiresIn").asInt()).isEqualTo(900);

    Response me = get("/auth/me", login.json().path("accessToken").asString(), Map.of());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("id").asString()).isEqualTo(id);
    assertThat(me.json().path("displayName").asString()).isEqualTo("Ada");
  }

  @Test
  void duplicateEmailIsCaseInsensitiveAndWritesNothing() {
    assertThat(post("/auth/signup", signupBody("ada@example.com")).status()).isEqualTo(201);
    long before = accounts();
    Response again = post("/auth/signup", signupBody("ADA@example.COM"));
    assertProblem(again, 409, "EMAIL_TAKEN");
    assertThat(accounts()).isEqualTo(before);
  }

  @Test
  void weakPasswordsAreRefusedAndNothingIsWritten() {
    long before = accounts();
    assertProblem(
        post("/auth/signup", "{\"email\":\"bob@example.com\",\"password\":\"password1234\"}"),
        422,
        "WEAK_PASSWORD");
    assertProblem(
        post(
            "/auth/signup", "{\"email\":\"bobby@example.com\",\"password\":\"my-name-is-bobby!\"}"),
        422,
        "WEAK_PASSWORD");
    assertProblem(
        post("/auth/signup", "{\"email\":\"bob@example.com\",\"password\":\"aaaaaaaaaaaaaaaa\"}"),
        422,
        "WEAK_PASSWORD");
    Response tooShort =
        post("/auth/signup", "{\"email\":\"bob@example.com\",\"password\":\"short\"}");
    assertProblem(tooShort, 400, "VALIDATION_FAILED");
    assertThat(tooShort.json().path("errors").get(0).path("field").asString())
        .isEqualTo("password");
    assertThat(accounts()).isEqualTo(before);
  }

  @Test
  void badInputGetsA4xxProblemAndWritesNothing() {
    long before = accounts();
    assertProblem(
        post("/auth/signup", "{\"email\":\"bob@example.com\","), 400, "MALFORMED_REQUEST");
    assertProblem(
        post("/auth/signup", "{\"email\":\"not-an-email\",\"password\":\"" + PASSWORD + "\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        post("/auth/signup", "{\"password\":\"" + PASSWORD + "\"}"), 400, "VALIDATION_FAILED");
    // schemathesis: 11 characters, one outside the BMP (12 UTF-16 units), passed minLength 12.
    assertProblem(
        post(
            "/auth/signup",
            "{\"email\":\"short@example.com\",\"password\":\"abcdefghij\uD83D\uDE00\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        post(
            "/auth/signup",
            "{\"email\":\"bob@example.com\",\"password\":\""
                + PASSWORD
                + "\",\"roles\":[\"ADMIN\"]}"),
        400,
        "MALFORMED_REQUEST");
    assertProblem(post("/auth/signup", "[]"), 400, "MALFORMED_REQUEST");
    assertProblem(
        TestHttp.send(
            HttpRequest.newBuilder(uri("/auth/signup"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(signupBody("bob@example.com")))),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    String huge =
        "{\"email\":\"" + "a".repeat(100_000) + "@example.com\",\"password\":\"" + PASSWORD + "\"}";
    assertProblem(post("/auth/signup", huge), 413, "PAYLOAD_TOO_LARGE");
    // Same body without a Content-Length: counted while read.
    assertProblem(
        TestHttp.send(
            HttpRequest.newBuilder(uri("/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new java.io.ByteArrayInputStream(
                                huge.getBytes(StandardCharsets.UTF_8))))),
        413,
        "PAYLOAD_TOO_LARGE");
    assertThat(accounts()).isEqualTo(before);
  }

  @Test
  void wrongPasswordAndUnknownEmailLookTheSame() {
    post("/auth/signup", signupBody("ada@example.com"));
    Response wrong =
        post("/auth/login", "{\"email\":\"ada@example.com\",\"password\":\"not-the-password\"}");
    Response unknown =
        post("/auth/login", "{\"email\":\"nobody@example.com\",\"password\":\"not-the-password\"}");
    assertProblem(wrong, 401, "INVALID_CREDENTIALS");
    assertProblem(unknown, 401, "INVALID_CREDENTIALS");
    assertThat(wrong.json().path("detail")).isEqualTo(unknown.json().path("detail"));
    assertThat(wrong.json().path("title")).isEqualTo(unknown.json().path("title"));
  }

  /**
   * Not a speed target: a guard that the unknown-email path still hashes. Without the dummy hash it
   * answers in about 1 ms against tens of ms for a wrong password, far outside this loose bound.
   */
  @Test
  void unknownEmailCostsAboutAsMuchAsAWrongPassword() {
    post("/auth/signup", signupBody("ada@example.com"));
    String wrong = "{\"email\":\"ada@example.com\",\"password\":\"not-the-password\"}";
    String unknown = "{\"email\":\"nobody@example.com\",\"password\":\"not-the-password\"}";
    for (int i = 0; i < 3; i++) { // warm-up
      post("/auth/login", wrong);
      post("/auth/login", unknown);
    }
    double wrongMs = medianMillis(() -> post("/auth/login", wrong));
    double unknownMs = medianMillis(() -> post("/auth/login", unknown));
    assertThat(unknownMs / wrongMs)
        .as("unknown %.1f ms vs wrong %.1f ms", unknownMs, wrongMs)
        .isBetween(0.33, 3.0);
  }

  @Test
  void adminIsBootstrappedFromConfiguration() {
    Response login =
        post(
            "/auth/login",
            "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
    assertThat(login.status()).isEqualTo(200);
    Response me = get("/auth/me", login.json().path("accessToken").asString(), Map.of());
    assertThat(me.json().path("roles").toString()).contains("ADMIN");
  }

  // ---- tokens
  // -----------------------------------------------------------------------------------------------------

  @Test
  void jwksPublishesTheConfiguredKey() {
    Response jwks = get("/auth/.well-known/jwks.json", null, Map.of());
    assertThat(jwks.status()).isEqualTo(200);
    JsonNode key = jwks.json().path("keys").get(0);
    assertThat(key.path("kty").asString()).isEqualTo("RSA");
    assertThat(key.path("alg").asString()).isEqualTo("RS256");
    assertThat(key.has("crv")).as("no null members").isFalse();
    var pub = (java.security.interfaces.RSAPublicKey) TestTokens.publicKey();
    assertThat(new java.math.BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asString())))
        .isEqualTo(pub.getModulus());
  }

  @Test
  void rejectedTokensGet401WithAChallengeAndAProblem() {
    UUID user =
        UUID.fromString(
            post("/auth/signup", signupBody("ada@example.com")).json().path("id").asString());
    String kid =
        get("/auth/.well-known/jwks.json", null, Map.of())
            .json()
            .path("keys")
            .get(0)
            .path("kid")
            .asString();
    assertThat(
            get("/auth/me", TestTokens.sign(TestTokens.claims(user, kid, "USER")), Map.of())
                .status())
        .as("control: a good token works")
        .isEqualTo(200);

    Map<String, String> bad = new java.util.LinkedHashMap<>(TestTokens.rejected(user, kid));
    bad.put("garbage", "not-a-jwt");

    for (var e : bad.entrySet()) {
      Response r = get("/auth/me", e.getValue(), Map.of());
      assertThat(r.status()).as(e.getKey()).isEqualTo(401);
      assertThat(r.header("Content-Type")).as(e.getKey()).startsWith("application/problem+json");
      assertThat(r.json().path("code").asString()).as(e.getKey()).isEqualTo("UNAUTHENTICATED");
      assertThat(r.header("WWW-Authenticate"))
          .as(e.getKey())
          .startsWith("Bearer error=\"invalid_token\"");
    }
    Response none = get("/auth/me", null, Map.of());
    assertProblem(none, 401, "UNAUTHENTICATED");
    assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aSpoofedIdentityHeaderIsIgnored() {
    post("/auth/signup", signupBody("ada@example.com"));
    String adaId =
        jdbc.sql("SELECT id::text FROM user_account WHERE email_normalized = 'ada@example.com'")
            .query(String.class)
            .single();
    String token =
        post("/auth/login", "{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}")
            .json()
            .path("accessToken")
            .asString();
    Response me =
        get(
            "/auth/me",
            token,
            Map.of("X-User-Id", UUID.randomUUID().toString(), "X-User-Roles", "ADMIN"));
    assertThat(me.json().path("id").asString()).isEqualTo(adaId);
    assertThat(me.json().path("roles").toString()).doesNotContain("ADMIN");
  }

  @Test
  void requestIdsAreEchoedOrGenerated() {
    Response given = get("/auth/.well-known/jwks.json", null, Map.of("X-Request-Id", "trace-123"));
    assertThat(given.header("X-Request-Id")).isEqualTo("trace-123");
    Response hostile =
        get("/auth/.well-known/jwks.json", null, Map.of("X-Request-Id", "bad id with spaces"));
    assertThat(hostile.header("X-Request-Id")).matches("[0-9a-f-]{36}");
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------------------

  private long accounts() {
    return jdbc.sql(com.flashdeal.auth.sql.AccountsSql.COUNT_ACCOUNTS).query(Long.class).single();
  }

  private static String signupBody(String email) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Response post(String path, String json) {
    return TestHttp.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Response get(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    return TestHttp.send(b);
  }

  private static double medianMillis(Runnable call) {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long t0 = System.nanoTime();
      call.run();
      times.add((System.nanoTime() - t0) / 1e6);
    }
    times.sort(Double::compare);
    return times.get(times.size() / 2);
  }
}
