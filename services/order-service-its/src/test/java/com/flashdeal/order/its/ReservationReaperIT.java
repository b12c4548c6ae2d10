package com.flashdeal.order.its;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.order.sql.OrdersSql;
import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.testing.TestHttp;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * No leaked stock (docs/no-leaked-stock.md), with the real product-service process and its reaper
 * settling with this order-service: a reservation whose order is never written — order-service died
 * between reserve and insert, or every compensating call failed — is given back within the bound;
 * the units of an order that exists are confirmed and never given back; and once an id is settled
 * as abandoned, no order can be written for it any more.
 */
class ReservationReaperIT extends OrderServiceTestBase {
  static final int ORDER_PORT = ServiceProcess.freePort();
  static final String PRODUCT = "reaper";
  static final Duration BOUND = Duration.ofSeconds(30);

  @Override
  void configure(Settings registry) {
    // A fixed port: the product-service process must know where to settle before this starts.
    registry.add("FLASHDEAL_ORDER_PORT", () -> ORDER_PORT);
    ServiceProcess product =
        productProcess(
            PRODUCT,
            "db-atomic",
            Map.of(
                "FLASHDEAL_PRODUCT_REAPER_ENABLED", "true",
                "FLASHDEAL_PRODUCT_REAPER_HOLD", "2s",
                "FLASHDEAL_PRODUCT_REAPER_INTERVAL", "500ms",
                "FLASHDEAL_PRODUCT_ORDER_URL", "http://127.0.0.1:" + ORDER_PORT,
                "FLASHDEAL_SERVICE_CLIENT_SECRET", "checked-by-auth-service-not-by-this-test"));
    registry.add("FLASHDEAL_ORDER_PRODUCT_URL", () -> "http://127.0.0.1:" + product.port);
    orderDatabase(registry);
  }

  private static final JdbcClient PRODUCT_DB = productDatabase();

  private static JdbcClient productDatabase() {
    Map<String, String> deps = LocalDeps.ensureUp().environment();
    return JdbcClient.create(
        new DriverManagerDataSource(
            deps.get("FLASHDEAL_PRODUCT_DB_URL"),
            deps.get("FLASHDEAL_PRODUCT_DB_USER"),
            deps.get("FLASHDEAL_PRODUCT_DB_PASSWORD")));
  }

  private static String reservationStatus(UUID orderId) {
    return PRODUCT_DB
        .sql("SELECT status FROM reservation WHERE order_id = ?")
        .param(orderId)
        .query(String.class)
        .single();
  }

  @Test
  void aReservationWhoseOrderIsNeverWrittenIsGivenBackWithinTheBound() throws Exception {
    long deal = activeDeal(PRODUCT, 5, 1);
    UUID orderId = UUID.randomUUID();
    UUID buyer = UUID.randomUUID();
    assertThat(reserveAsOrderService(PRODUCT, deal, orderId, buyer).status()).isEqualTo(201);
    assertThat(remaining(PRODUCT, deal)).isEqualTo(4);
    // ... and here order-service dies: the order is never written, nobody releases.

    long start = System.nanoTime();
    while (remaining(PRODUCT, deal) != 5 && System.nanoTime() - start < BOUND.toNanos()) {
      Thread.sleep(100);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf("[reaper] orphaned reservation given back after %d ms%n", took.toMillis());
    assertThat(remaining(PRODUCT, deal)).as("given back within %s", BOUND).isEqualTo(5);
    assertThat(reservationStatus(orderId)).isEqualTo("RELEASED");
    assertThat(
            jdbc.sql("SELECT outcome FROM order_settlement WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .single())
        .isEqualTo("ABANDONED");

    // A late insert of that order (a process that was only paused, not dead) can no longer land.
    assertThatThrownBy(
            () ->
                jdbc.sql(OrdersSql.INSERT_ORDER)
                    .param("id", orderId)
                    .param("userId", buyer)
                    .param("dealId", deal)
                    .param("productId", 1L)
                    .param("quantity", 1)
                    .param("unitPriceMinor", 14950L)
                    .param("currency", "EUR")
                    .param("status", "CONFIRMED")
                    .param("idempotencyKey", "late-" + orderId)
                    .param("requestFingerprint", "deal=" + deal + ";quantity=1")
                    .update())
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("order_settlement_pkey");
    assertThat(orderRows()).isZero();
    // The buyer can still buy: the allowance came back with the units.
    assertThat(order(buyer, "k-" + UUID.randomUUID(), deal, 1).status()).isEqualTo(201);
  }

  @Test
  void aReservationThatCannotBeGivenBackDoesNotHoldUpTheOthers() throws Exception {
    // Seen when tests of another run truncated the deals under the reservations: giving back the
    // oldest one broke the deal's CHECK, the whole pass failed, and nothing behind it came back.
    long poisonedDeal = activeDeal(PRODUCT, 5, 1);
    UUID poisoned = UUID.randomUUID();
    assertThat(reserveAsOrderService(PRODUCT, poisonedDeal, poisoned, UUID.randomUUID()).status())
        .isEqualTo(201);
    PRODUCT_DB
        .sql("UPDATE deal SET remaining = quantity WHERE id = ?")
        .param(poisonedDeal)
        .update();
    long deal = activeDeal(PRODUCT, 5, 1);
    UUID orphan = UUID.randomUUID();
    assertThat(reserveAsOrderService(PRODUCT, deal, orphan, UUID.randomUUID()).status())
        .isEqualTo(201);
    try {
      long start = System.nanoTime();
      while (remaining(PRODUCT, deal) != 5 && System.nanoTime() - start < BOUND.toNanos()) {
        Thread.sleep(100);
      }
      assertThat(remaining(PRODUCT, deal)).as("given back within %s", BOUND).isEqualTo(5);
      assertThat(reservationStatus(poisoned)).isEqualTo("RESERVED");
    } finally {
      // Out of every later reaper's way.
      PRODUCT_DB
          .sql("UPDATE reservation SET status = 'RELEASED' WHERE order_id = ?")
          .param(poisoned)
          .update();
    }
  }

  @Test
  void theUnitsOfAnOrderThatExistsAreConfirmedAndNeverGivenBack() throws Exception {
    long deal = activeDeal(PRODUCT, 5, 1);
    Response placed = order(UUID.randomUUID(), "k-" + UUID.randomUUID(), deal, 1);
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    UUID orderId = UUID.fromString(placed.json().path("id").asString());

    long start = System.nanoTime();
    while (!reservationStatus(orderId).equals("CONFIRMED")
        && System.nanoTime() - start < BOUND.toNanos()) {
      Thread.sleep(100);
    }
    assertThat(reservationStatus(orderId)).isEqualTo("CONFIRMED");
    assertThat(remaining(PRODUCT, deal)).isEqualTo(4);

    // A stray release (a retried compensation) cannot give the units of an existing order back.
    Response release = releaseAsOrderService(PRODUCT, orderId);
    assertThat(release.json().path("status").asString()).isEqualTo("CONFIRMED");
    Thread.sleep(1500); // three more reaper passes
    assertThat(remaining(PRODUCT, deal)).isEqualTo(4);
    assertThat(reservationStatus(orderId)).isEqualTo("CONFIRMED");
  }

  @Test
  void onlyProductServiceMaySettle() {
    String body = "{\"orderIds\":[\"" + UUID.randomUUID() + "\"]}";
    for (String token :
        new String[] {
          TestTokens.user(UUID.randomUUID()),
          TestTokens.admin(),
          TestTokens.service("order-service")
        }) {
      assertThat(settle(token, body).status()).isEqualTo(403);
    }
    Response settled = settle(TestTokens.service("product-service"), body);
    assertThat(settled.status()).as(settled.body()).isEqualTo(200);
    assertThat(settled.json().path("settlements").get(0).path("outcome").asString())
        .isEqualTo("ABANDONED");
  }

  @Test
  void badSettlementRequestsAreProblemsAndSettleNothing() {
    UUID id = UUID.randomUUID();
    String tooMany =
        java.util.stream.IntStream.range(0, 501)
            .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
            .collect(java.util.stream.Collectors.joining(",", "{\"orderIds\":[", "]}"));
    for (String body :
        new String[] {
          "{\"orderIds\":[]}",
          "{\"orderIds\":[\"not-a-uuid\"]}",
          "{\"orderIds\":null}",
          "{}",
          "{\"orderIds\":[\"" + id + "\"],\"extra\":1}",
          "{\"orderIds\":[\"" + id + "\",\"" + id + "\"]}",
          tooMany,
          "{\"orderIds\":[\"" + id + "\""
        }) {
      Response r = settle(TestTokens.service("product-service"), body);
      assertThat(r.status())
          .as((body.length() > 200 ? "501 ids" : body) + " -> " + r.body())
          .isEqualTo(400);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM order_settlement WHERE order_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .as("nothing settled by a refused request")
        .isZero();
  }

  /** A settlement request as the caller holding {@code token} sends it. */
  private Response settle(String token, String body) {
    return TestHttp.send(
        "POST", orders("/internal/order-settlements"), token, "application/json", body, Map.of());
  }
}
