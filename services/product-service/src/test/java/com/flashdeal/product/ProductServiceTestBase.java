package com.flashdeal.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicedefaults.testing.TestHttp;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * product-service over real HTTP on the private PostgreSQL, trusting {@link TestTokens}; each test
 * starts empty.
 */
// Plain properties (not dynamic ones), so that a subclass's @DynamicPropertySource can change them.
// Every request is admitted and may wait for a connection: these tests are about the rules and the
// stock strategies under contention; shedding has tests of its own (AdmissionLimitIT,
// PoolExhaustionIT).
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.hikari.maximum-pool-size=20",
      // Each cached test context keeps its pool: idle ones hold few connections (PostgreSQL's
      // max_connections is shared by all of them; src/test/resources/spring.properties bounds
      // the cache).
      "spring.datasource.hikari.minimum-idle=2",
      "spring.datasource.hikari.connection-timeout=10000",
      "flashdeal.http.max-concurrent=1000",
      // No order-service here to settle with; ReservationReaperIT (order-service) tests the reaper.
      "flashdeal.product.reaper.enabled=false"
    })
@Import(TestTokens.Trust.class)
abstract class ProductServiceTestBase {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
          .build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    Map<String, String> deps = LocalDeps.ensureUp().environment();
    registry.add("spring.datasource.url", () -> deps.get("FLASHDEAL_PRODUCT_DB_URL"));
    registry.add("spring.datasource.username", () -> deps.get("FLASHDEAL_PRODUCT_DB_USER"));
    registry.add("spring.datasource.password", () -> deps.get("FLASHDEAL_PRODUCT_DB_PASSWORD"));
  }

  @BeforeEach
  void emptyTables() {
    // Ids go on from the last test, as in a real database: caches keyed by deal id (Redis, the
    // redis-lua gate's terms) may rely on an id never naming two deals.
    jdbc.sql("TRUNCATE reservation, deal_purchase, deal, product CASCADE").update();
  }

  /** order-service's service token, as auth-service issues it: the only caller of /internal. */
  static final String ORDER_SERVICE = TestTokens.service("order-service");

  Response send(String method, String path, String token, String body) {
    return send(method, path, token, body, Map.of());
  }

  Response send(
      String method, String path, String token, String body, Map<String, String> headers) {
    return sendTo(port, method, path, token, body, headers);
  }

  static Response sendTo(
      int port,
      String method,
      String path,
      String token,
      String body,
      Map<String, String> headers) {
    return TestHttp.send(
        method,
        URI.create("http://127.0.0.1:" + port + path),
        token,
        body == null ? null : "application/json",
        body,
        headers);
  }

  /** Where /internal/** is served: the main port, unless a test gives it a port of its own. */
  int internalPort() {
    return port;
  }

  /** An internal call as order-service makes it, on behalf of the user whose token is given. */
  Response internal(String method, String path, String endUserToken, String body) {
    return sendTo(
        internalPort(),
        method,
        path,
        ORDER_SERVICE,
        body,
        endUserToken == null ? Map.of() : Map.of("X-End-User-Token", endUserToken));
  }

  long createProduct(int stock) {
    Response r =
        send(
            "POST",
            "/products",
            TestTokens.admin(),
            "{\"name\":\"Headphones\",\"listPrice\":{\"amountMinor\":29900,\"currency\":\"EUR\"},\"stock\":"
                + stock
                + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  Response createDeal(
      long productId,
      int quantity,
      int perUserLimit,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt) {
    return send(
        "POST",
        "/deals",
        TestTokens.admin(),
        "{\"productId\":%d,\"title\":\"Half price\",\"dealPrice\":{\"amountMinor\":14950,\"currency\":\"EUR\"},\"quantity\":%d,\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"perUserLimit\":%d}"
            .formatted(productId, quantity, startsAt, endsAt, perUserLimit));
  }

  /** A deal open now, for an hour. */
  long activeDeal(int quantity, int perUserLimit) {
    long product = createProduct(quantity + 100);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Response r = createDeal(product, quantity, perUserLimit, now.minusMinutes(1), now.plusHours(1));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  Response reserve(long dealId, UUID orderId, UUID userId, int quantity) {
    return internal(
        "POST",
        "/internal/deals/" + dealId + "/reservations",
        TestTokens.user(userId),
        "{\"orderId\":\"%s\",\"userId\":\"%s\",\"quantity\":%d}"
            .formatted(orderId, userId, quantity));
  }
}
