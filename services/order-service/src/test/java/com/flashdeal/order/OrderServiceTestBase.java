package com.flashdeal.order;

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
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * order-service in this JVM, in front of the real product-service jar running as its own process
 * with a given stock strategy, both on the private PostgreSQL. Tokens come from {@link TestTokens};
 * product-service fetches their key from a small JWKS endpoint served here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Trust.class)
abstract class OrderServiceTestBase {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
          .build();
  private static final Map<String, ServiceProcess> PRODUCTS = new ConcurrentHashMap<>();
  private static HttpServer jwks;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  /**
   * Points order-service at a product-service process with this stock strategy (one process per
   * strategy).
   */
  static void productService(String strategy, DynamicPropertyRegistry registry) {
    productService(strategy, Map.of(), registry);
  }

  /** As above, the process started with extra environment (one process per strategy). */
  static void productService(
      String strategy, Map<String, String> env, DynamicPropertyRegistry registry) {
    ServiceProcess product = productProcess(strategy, strategy, env);
    registry.add("flashdeal.order.product-service.url", () -> "http://127.0.0.1:" + product.port);
    orderDatabase(registry);
  }

  /**
   * The product-service process known by {@code key} (started once): a stock strategy, and extra
   * environment (e.g. its reaper switched on). Its reaper is off unless the environment says
   * otherwise.
   */
  static ServiceProcess productProcess(String key, String strategy, Map<String, String> env) {
    return PRODUCTS.computeIfAbsent(key, k -> startProduct(strategy, env));
  }

  static void orderDatabase(DynamicPropertyRegistry registry) {
    Map<String, String> deps = LocalDeps.ensureUp().environment();
    registry.add("spring.datasource.url", () -> deps.get("FLASHDEAL_ORDER_DB_URL"));
    registry.add("spring.datasource.username", () -> deps.get("FLASHDEAL_ORDER_DB_USER"));
    registry.add("spring.datasource.password", () -> deps.get("FLASHDEAL_ORDER_DB_PASSWORD"));
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "20");
    // Connections on demand only: seven cached contexts and four product-service processes with
    // full pools would pass PostgreSQL's connection limit.
    registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    // ... and given back soon after a stampede (Hikari's shortest idle timeout): a cached context
    // kept a stampede's 20 connections, and the next context found PostgreSQL's slots taken (CI).
    registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    // Every buyer of a stampede is admitted: these tests are about the order path's rules under
    // contention; shedding is product-service's and service-defaults' to test.
    registry.add("spring.datasource.hikari.connection-timeout", () -> "10000");
    registry.add("flashdeal.http.max-concurrent", () -> "1000");
  }

  private static synchronized ServiceProcess startProduct(
      String strategy, Map<String, String> extraEnv) {
    try {
      if (jwks == null) {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = TestTokens.jwksJson().getBytes(StandardCharsets.UTF_8);
        jwks.createContext(
            "/auth/.well-known/jwks.json",
            ex -> {
              ex.getResponseHeaders().set("Content-Type", "application/json");
              ex.sendResponseHeaders(200, body.length);
              ex.getResponseBody().write(body);
              ex.close();
            });
        // product-service's reaper gets its service token here, as it would from auth-service.
        jwks.createContext(
            "/internal/service-tokens",
            ex -> {
              byte[] token =
                  ("{\"accessToken\":\""
                          + TestTokens.service("product-service")
                          + "\",\"tokenType\":\"Bearer\",\"expiresIn\":300,\"expiresAt\":\"2100-01-01T00:00:00Z\"}")
                      .getBytes(StandardCharsets.UTF_8);
              ex.getRequestBody().readAllBytes();
              ex.getResponseHeaders().set("Content-Type", "application/json");
              ex.sendResponseHeaders(200, token.length);
              ex.getResponseBody().write(token);
              ex.close();
            });
        jwks.start();
      }
      Map<String, String> env = new HashMap<>(LocalDeps.ensureUp().environment());
      int port = ServiceProcess.freePort();
      env.put("FLASHDEAL_PRODUCT_PORT", Integer.toString(port));
      env.put("FLASHDEAL_PRODUCT_STOCK_STRATEGY", strategy);
      env.put("FLASHDEAL_PRODUCT_DB_POOL_SIZE", "20");
      env.put("FLASHDEAL_PRODUCT_DB_CONNECTION_TIMEOUT", "10000");
      env.put("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "1");
      env.put("FLASHDEAL_HTTP_MAX_CONCURRENT", "1000");
      env.put("FLASHDEAL_AUTH_URL", "http://127.0.0.1:" + jwks.getAddress().getPort());
      env.put("FLASHDEAL_PRODUCT_REAPER_ENABLED", "false");
      env.putAll(extraEnv);
      ServiceProcess process =
          ServiceProcess.start(
              Path.of(System.getProperty("flashdeal.product-service.jar")),
              port,
              env,
              Duration.ofSeconds(90));
      Runtime.getRuntime().addShutdownHook(new Thread(process::close));
      return process;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void noOrders() {
    jdbc.sql("TRUNCATE customer_order, order_settlement").update();
  }

  URI orders(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  Response order(UUID user, String key, long dealId, int quantity) {
    return TestHttp.send(
        "POST",
        orders("/orders"),
        TestTokens.user(user),
        "application/json",
        "{\"dealId\":" + dealId + ",\"quantity\":" + quantity + "}",
        Map.of("Idempotency-Key", key));
  }

  /** Through product-service's public API, as an admin would. */
  long deal(
      String strategy,
      int quantity,
      int perUserLimit,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt) {
    URI product = URI.create("http://127.0.0.1:" + PRODUCTS.get(strategy).port);
    Response p =
        TestHttp.send(
            "POST",
            product.resolve("/products"),
            TestTokens.admin(),
            "application/json",
            "{\"name\":\"Headphones\",\"listPrice\":{\"amountMinor\":29900,\"currency\":\"EUR\"},\"stock\":"
                + (quantity + 10)
                + "}",
            Map.of());
    assertThat(p.status()).as(p.body()).isEqualTo(201);
    Response d =
        TestHttp.send(
            "POST",
            product.resolve("/deals"),
            TestTokens.admin(),
            "application/json",
            "{\"productId\":%d,\"dealPrice\":{\"amountMinor\":14950,\"currency\":\"EUR\"},\"quantity\":%d,\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"perUserLimit\":%d}"
                .formatted(p.json().path("id").asLong(), quantity, startsAt, endsAt, perUserLimit),
            Map.of());
    assertThat(d.status()).as(d.body()).isEqualTo(201);
    return d.json().path("id").asLong();
  }

  long activeDeal(String strategy, int quantity, int perUserLimit) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return deal(strategy, quantity, perUserLimit, now.minusMinutes(1), now.plusHours(1));
  }

  int remaining(String strategy, long dealId) {
    URI product = URI.create("http://127.0.0.1:" + PRODUCTS.get(strategy).port);
    return TestHttp.send(
            "GET", product.resolve("/deals/" + dealId), TestTokens.admin(), null, null, Map.of())
        .json()
        .path("remaining")
        .asInt();
  }

  /** What order-service does before it writes an order: reserve, as itself, for the buyer. */
  Response reserveAsOrderService(String product, long deal, UUID orderId, UUID buyer) {
    return TestHttp.send(
        "POST",
        URI.create(
            "http://127.0.0.1:"
                + PRODUCTS.get(product).port
                + "/internal/deals/"
                + deal
                + "/reservations"),
        TestTokens.service("order-service"),
        "application/json",
        "{\"orderId\":\"%s\",\"userId\":\"%s\",\"quantity\":1}".formatted(orderId, buyer),
        Map.of("X-End-User-Token", TestTokens.user(buyer)));
  }

  /** A compensation as order-service sends it. */
  Response releaseAsOrderService(String product, UUID orderId) {
    return TestHttp.send(
        "DELETE",
        URI.create(
            "http://127.0.0.1:" + PRODUCTS.get(product).port + "/internal/reservations/" + orderId),
        TestTokens.service("order-service"),
        null,
        null,
        Map.of());
  }

  long orderRows() {
    return jdbc.sql("SELECT count(*) FROM customer_order").query(Long.class).single();
  }
}
