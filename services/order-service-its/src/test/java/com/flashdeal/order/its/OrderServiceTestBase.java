package com.flashdeal.order.its;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * order-service as a process — the Spring Boot jar or the Micronaut jar, whichever {@code
 * flashdeal.order.implementation} names (failsafe runs this suite once for each) — in front of the
 * real product-service jar running with a given stock strategy, both on the private PostgreSQL.
 * Each test class says how its order-service is configured ({@link #configure}), with the
 * FLASHDEAL_* variables both implementations read; it gets an order-service process of its own.
 * Tokens come from {@link TestTokens}; both services fetch their key (and their service tokens)
 * from a small stand-in for auth-service served here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderServiceTestBase {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
          .build();

  /** spring or micronaut. */
  static final String IMPLEMENTATION =
      System.getProperty("flashdeal.order.implementation", "spring");

  private static final Map<String, ServiceProcess> PRODUCTS = new ConcurrentHashMap<>();
  private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\"\\s*:\\s*\"([^\"]+)\"");
  private static HttpServer auth;

  int port;
  javax.sql.DataSource orderDb;
  JdbcClient jdbc;
  private ServiceProcess orderService;

  /** The FLASHDEAL_* settings of this class's order-service, on top of {@link #orderDatabase}. */
  static final class Settings {
    final Map<String, String> env = new LinkedHashMap<>();

    void add(String variable, Supplier<?> value) {
      env.put(variable, String.valueOf(value.get()));
    }
  }

  /** How this class's order-service is configured. */
  abstract void configure(Settings registry) throws Exception;

  @BeforeAll
  void startOrderService() throws Exception {
    Settings settings = new Settings();
    configure(settings);
    Map<String, String> env = new HashMap<>(settings.env);
    int orderPort =
        Integer.parseInt(
            env.computeIfAbsent(
                "FLASHDEAL_ORDER_PORT", k -> Integer.toString(ServiceProcess.freePort())));
    env.put("FLASHDEAL_AUTH_URL", authUrl());
    // Anything: the stand-in auth-service issues a token to whoever asks.
    env.put("FLASHDEAL_SERVICE_CLIENT_SECRET", "checked-by-auth-service-not-by-this-test");
    String jar = System.getProperty("flashdeal.order-service.jar");
    orderService = ServiceProcess.start(Path.of(jar), orderPort, env, Duration.ofSeconds(90));
    port = orderPort;
    Map<String, String> deps = LocalDeps.ensureUp().environment();
    orderDb =
        new DriverManagerDataSource(
            deps.get("FLASHDEAL_ORDER_DB_URL"),
            deps.get("FLASHDEAL_ORDER_DB_USER"),
            deps.get("FLASHDEAL_ORDER_DB_PASSWORD"));
    jdbc = JdbcClient.create(orderDb);
  }

  /** This class's order-service process. */
  ServiceProcess orderProcess() {
    return orderService;
  }

  @AfterAll
  void stopOrderService() {
    if (orderService != null) {
      orderService.close();
    }
  }

  /**
   * Points order-service at a product-service process with this stock strategy (one process per
   * strategy).
   */
  static void productService(String strategy, Settings registry) {
    productService(strategy, Map.of(), registry);
  }

  /** As above, the process started with extra environment (one process per strategy). */
  static void productService(String strategy, Map<String, String> env, Settings registry) {
    ServiceProcess product = productProcess(strategy, strategy, env);
    registry.add("FLASHDEAL_ORDER_PRODUCT_URL", () -> "http://127.0.0.1:" + product.port);
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

  /**
   * Stops the product-service process known by {@code key}: a class whose process consumes a shared
   * queue (the asynchronous flow) must not leave it consuming another class's messages.
   */
  static void stopProduct(String key) {
    ServiceProcess process = PRODUCTS.remove(key);
    if (process != null) {
      process.close();
    }
  }

  /** The port of the product-service process known by {@code key}. */
  static int productPort(String key) {
    return PRODUCTS.get(key).port;
  }

  static void orderDatabase(Settings registry) {
    Map<String, String> deps = LocalDeps.ensureUp().environment();
    registry.add("FLASHDEAL_ORDER_DB_URL", () -> deps.get("FLASHDEAL_ORDER_DB_URL"));
    registry.add("FLASHDEAL_ORDER_DB_USER", () -> deps.get("FLASHDEAL_ORDER_DB_USER"));
    registry.add("FLASHDEAL_ORDER_DB_PASSWORD", () -> deps.get("FLASHDEAL_ORDER_DB_PASSWORD"));
    registry.add("FLASHDEAL_ORDER_DB_POOL_SIZE", () -> "20");
    // Connections on demand only, given back soon after a stampede: several product-service
    // processes with full pools and this order-service would pass PostgreSQL's connection limit.
    registry.add("FLASHDEAL_ORDER_DB_MIN_IDLE", () -> "1");
    registry.add("FLASHDEAL_ORDER_DB_IDLE_TIMEOUT", () -> "10000");
    // Every buyer of a stampede is admitted: these tests are about the order path's rules under
    // contention; shedding is product-service's and service-defaults' to test.
    registry.add("FLASHDEAL_ORDER_DB_CONNECTION_TIMEOUT", () -> "10000");
    registry.add("FLASHDEAL_HTTP_MAX_CONCURRENT", () -> "1000");
  }

  /** The stand-in auth-service: the test key set, and service tokens for whoever asks. */
  private static synchronized String authUrl() {
    try {
      if (auth == null) {
        auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = TestTokens.jwksJson().getBytes(StandardCharsets.UTF_8);
        auth.createContext(
            "/auth/.well-known/jwks.json",
            ex -> {
              ex.getResponseHeaders().set("Content-Type", "application/json");
              ex.sendResponseHeaders(200, body.length);
              ex.getResponseBody().write(body);
              ex.close();
            });
        // Both services get their own service token here, as they would from auth-service.
        auth.createContext(
            "/internal/service-tokens",
            ex -> {
              String request =
                  new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
              Matcher client = CLIENT_ID.matcher(request);
              byte[] token =
                  ("{\"accessToken\":\""
                          + TestTokens.service(client.find() ? client.group(1) : "unknown")
                          + "\",\"tokenType\":\"Bearer\",\"expiresIn\":300,\"expiresAt\":\"2100-01-01T00:00:00Z\"}")
                      .getBytes(StandardCharsets.UTF_8);
              ex.getResponseHeaders().set("Content-Type", "application/json");
              ex.sendResponseHeaders(200, token.length);
              ex.getResponseBody().write(token);
              ex.close();
            });
        auth.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        auth.start();
      }
      return "http://127.0.0.1:" + auth.getAddress().getPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized ServiceProcess startProduct(
      String strategy, Map<String, String> extraEnv) {
    try {
      Map<String, String> env = new HashMap<>(LocalDeps.ensureUp().environment());
      int port = ServiceProcess.freePort();
      env.put("FLASHDEAL_PRODUCT_PORT", Integer.toString(port));
      env.put("FLASHDEAL_PRODUCT_STOCK_STRATEGY", strategy);
      env.put("FLASHDEAL_PRODUCT_DB_POOL_SIZE", "20");
      env.put("FLASHDEAL_PRODUCT_DB_CONNECTION_TIMEOUT", "10000");
      env.put("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "1");
      env.put("FLASHDEAL_HTTP_MAX_CONCURRENT", "1000");
      env.put("FLASHDEAL_AUTH_URL", authUrl());
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
