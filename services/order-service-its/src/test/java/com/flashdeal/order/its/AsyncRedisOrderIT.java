package com.flashdeal.order.its;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicecore.messaging.Messages;
import com.flashdeal.servicecore.messaging.Messages.OrderPlaced;
import com.flashdeal.servicecore.messaging.Topology;
import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.testing.TestHttp;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code phase5-async-redis}: order-service asks product-service's redis-lua gate before it
 * accepts, so a buyer of a sold-out deal is told SOLD_OUT at once (409) instead of through the
 * queue, and the queue turns the held units into reservations. Every unit is still sold exactly
 * once, a replay is the same order, and units held for an order that was never accepted go back
 * after the hold.
 */
class AsyncRedisOrderIT extends AsyncOrderTestBase {
  private static final String PRODUCT = "async-redis";

  /** Short, so that a held unit no order came for is back within the test. */
  private static final Duration HOLD = Duration.ofSeconds(2);

  @Override
  String product() {
    return PRODUCT;
  }

  @Override
  void configure(Settings registry) throws Exception {
    // The sweep settles unreserved order ids with this order-service before it gives units back.
    int orderPort = ServiceProcess.freePort();
    registry.add("FLASHDEAL_ORDER_PORT", () -> orderPort);
    configureAsync(
        registry,
        "redis-lua",
        Map.of(
            "FLASHDEAL_PRODUCT_REAPER_HOLD", HOLD.toSeconds() + "s",
            "FLASHDEAL_PRODUCT_ORDER_URL", "http://127.0.0.1:" + orderPort,
            "FLASHDEAL_SERVICE_CLIENT_SECRET", "checked-by-auth-service-not-by-this-test"),
        // Every buyer of a stampede is answered by the gate: these tests are about its rules, not
        // about a cold product-service's latency under 120 requests at once.
        Map.of(
            "FLASHDEAL_ORDER_ADMISSION", "stock-gate",
            "FLASHDEAL_ORDER_PRODUCT_CONNECT_TIMEOUT", "10s",
            "FLASHDEAL_ORDER_PRODUCT_READ_TIMEOUT", "10s"));
  }

  @Test
  void soldOutIsAnsweredAtOnceAndEveryUnitIsSoldOnce() throws Exception {
    int units = 20;
    int buyers = 120;
    long deal = activeDeal(PRODUCT, units, 1);
    List<Future<Response>> answers = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < buyers; i++) {
        UUID buyer = UUID.randomUUID();
        answers.add(pool.submit(() -> order(buyer, "gate-" + UUID.randomUUID(), deal, 1)));
      }
    }
    int accepted = 0;
    int soldOut = 0;
    for (Future<Response> answer : answers) {
      Response r = answer.get();
      if (r.status() == 202) {
        accepted++;
      } else {
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().path("code").asString()).isEqualTo("SOLD_OUT");
        soldOut++;
      }
    }
    assertThat(accepted).as("accepted (202)").isEqualTo(units);
    assertThat(soldOut).as("refused at once (409 SOLD_OUT)").isEqualTo(buyers - units);
    awaitNoPending(Duration.ofSeconds(60));

    List<UUID> confirmed = ordersWithStatus(deal, "CONFIRMED");
    assertThat(confirmed).hasSize(units);
    assertThat(ordersWithStatus(deal, "REJECTED")).isEmpty();
    assertThat(orderRows()).isEqualTo(units);
    assertThat(remaining(PRODUCT, deal)).isZero();
    assertThat(liveReservations(deal)).containsExactlyInAnyOrderElementsOf(confirmed);
    assertThat(deadLetters()).isZero();
  }

  @Test
  void aReplayIsTheSameOrderAndTheGateKnowsWhatTheBuyerHas() {
    long deal = activeDeal(PRODUCT, 1, 1);
    UUID buyer = UUID.randomUUID();
    String key = "gate-" + UUID.randomUUID();
    Response first = order(buyer, key, deal, 1);
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    String id = first.json().path("id").asString();
    assertThat(finalStatus(buyer, id)).isEqualTo("CONFIRMED");

    // The deal is sold out now, but this key's order is not refused: it is the order.
    Response replay = order(buyer, key, deal, 1);
    assertThat(replay.status()).as(replay.body()).isEqualTo(202);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.json().path("id").asString()).isEqualTo(id);
    Response again = order(buyer, "gate-" + UUID.randomUUID(), deal, 1);
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().path("code").asString()).isEqualTo("ALREADY_ORDERED");
    Response other = order(UUID.randomUUID(), "gate-" + UUID.randomUUID(), deal, 1);
    assertThat(other.status()).as(other.body()).isEqualTo(409);
    assertThat(other.json().path("code").asString()).isEqualTo("SOLD_OUT");

    // A key used again for another request.
    long roomy = activeDeal(PRODUCT, 5, 2);
    String reused = "gate-" + UUID.randomUUID();
    assertThat(order(buyer, reused, roomy, 1).status()).isEqualTo(202);
    Response conflict = order(buyer, reused, roomy, 2);
    assertThat(conflict.status()).as(conflict.body()).isEqualTo(422);
    assertThat(conflict.json().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(orderRows()).isEqualTo(2);
  }

  @Test
  void unitsHeldForAnOrderThatWasNeverAcceptedGoBack() {
    long deal = activeDeal(PRODUCT, 1, 1);
    // What an order-service that died between the gate and its insert leaves behind.
    UUID lost = UUID.randomUUID();
    Response held = admitAsOrderService(deal, UUID.randomUUID(), lost);
    assertThat(held.status()).as(held.body()).isEqualTo(204);

    Response meanwhile = order(UUID.randomUUID(), "gate-" + UUID.randomUUID(), deal, 1);
    assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(409);
    assertThat(meanwhile.json().path("code").asString()).isEqualTo("SOLD_OUT");

    // After the hold (and a sweep), the unit is for sale again: no undersell.
    long deadline = System.nanoTime() + HOLD.plusSeconds(10).toNanos();
    UUID buyer = UUID.randomUUID();
    Response later;
    do {
      sleep(250);
      later = order(buyer, "gate-" + UUID.randomUUID(), deal, 1);
    } while (later.status() == 409 && System.nanoTime() < deadline);
    assertThat(later.status()).as(later.body()).isEqualTo(202);
    assertThat(finalStatus(buyer, later.json().path("id").asString())).isEqualTo("CONFIRMED");
    assertThat(remaining(PRODUCT, deal)).isZero();
  }

  @Test
  void anAcceptedOrderKeepsItsUnitsWhileTheQueueIsBehind() throws Exception {
    long deal = activeDeal(PRODUCT, 1, 1);
    UUID buyer = UUID.randomUUID();
    UUID orderId = UUID.randomUUID();
    assertThat(admitAsOrderService(deal, orderId, buyer).status()).isEqualTo(204);
    // order-service accepted it, and its message is still on the way (a queue far behind the
    // hold): the order is there, its reservation is not.
    insertAcceptedOrder(orderId, buyer, deal, "gate-" + UUID.randomUUID());
    sleep(HOLD.plusSeconds(3).toMillis());

    // The sweep asked order-service: the order exists, so its unit stays held for it.
    Response late = order(UUID.randomUUID(), "gate-" + UUID.randomUUID(), deal, 1);
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(late.json().path("code").asString()).isEqualTo("SOLD_OUT");
    publish(
        Topology.ORDERS_EXCHANGE,
        Topology.ORDER_PLACED,
        Messages.write(new OrderPlaced(orderId, deal, buyer, 1)));
    assertThat(finalStatus(buyer, orderId.toString())).isEqualTo("CONFIRMED");
    assertThat(remaining(PRODUCT, deal)).isZero();
  }

  @Test
  void aRetryOfAnAcceptedOrderIsThatOrderWhateverTheGateSaysNow() {
    long deal = activeDeal(PRODUCT, 1, 1);
    Response winner = order(UUID.randomUUID(), "gate-" + UUID.randomUUID(), deal, 1);
    assertThat(winner.status()).as(winner.body()).isEqualTo(202);
    // An order accepted before the gate lost track of it (Redis rebuilt while its message was
    // queued): the gate now says SOLD_OUT, but the buyer's retry must learn of its order.
    UUID buyer = UUID.randomUUID();
    String key = "gate-" + UUID.randomUUID();
    UUID orderId = UUID.randomUUID();
    insertAcceptedOrder(orderId, buyer, deal, key);
    Response retry = order(buyer, key, deal, 1);
    assertThat(retry.status()).as(retry.body()).isEqualTo(202);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.json().path("id").asString()).isEqualTo(orderId.toString());
  }

  /**
   * An order as order-service accepts it (with its settlement), but without its outbox row: its
   * message is not on its way.
   */
  private void insertAcceptedOrder(UUID orderId, UUID buyer, long deal, String key) {
    jdbc.sql(
            "WITH settled AS (INSERT INTO order_settlement (order_id, outcome) VALUES (:id,"
                + " 'ORDERED')) INSERT INTO customer_order (id, user_id, deal_id, product_id,"
                + " quantity, unit_price_minor, currency, status, idempotency_key,"
                + " request_fingerprint, created_at, updated_at) VALUES (:id, :user, :deal, 1, 1,"
                + " 14950, 'EUR', 'PENDING', :key, 'deal=' || :deal || ';quantity=1', now(), now())")
        .param("id", orderId)
        .param("user", buyer)
        .param("deal", deal)
        .param("key", key)
        .update();
  }

  private Response admitAsOrderService(long deal, UUID orderId, UUID buyer) {
    return TestHttp.send(
        "POST",
        URI.create(
            "http://127.0.0.1:" + productPort(PRODUCT) + "/internal/deals/" + deal + "/admissions"),
        TestTokens.service("order-service"),
        "application/json",
        "{\"orderId\":\"%s\",\"userId\":\"%s\",\"quantity\":1}".formatted(orderId, buyer),
        Map.of("X-End-User-Token", TestTokens.user(buyer)));
  }
}
