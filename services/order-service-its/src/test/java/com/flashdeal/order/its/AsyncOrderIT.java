package com.flashdeal.order.its;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicecore.messaging.Messages;
import com.flashdeal.servicecore.messaging.Messages.OrderPlaced;
import com.flashdeal.servicecore.messaging.Messages.StockDecided;
import com.flashdeal.servicecore.messaging.Topology;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Phase 5's asynchronous order path ({@code phase5-async}: product-service on db-atomic, SOLD_OUT
 * as a REJECTED order). Every unit is sold once through a stampede, redelivered and duplicated
 * messages change nothing, poison goes to the dead-letter queue, and orders accepted while the
 * broker restarts are all decided.
 */
class AsyncOrderIT extends AsyncOrderTestBase {
  private static final String PRODUCT = "async";

  @Override
  String product() {
    return PRODUCT;
  }

  @Override
  void configure(Settings registry) throws Exception {
    configureAsync(registry, "db-atomic", Map.of(), Map.of());
  }

  @Test
  void anOrderIsAcceptedThenConfirmedAndItsReplayIsTheSameOrder() {
    long deal = activeDeal(PRODUCT, 5, 1);
    UUID buyer = UUID.randomUUID();
    String key = "async-" + UUID.randomUUID();

    Response accepted = order(buyer, key, deal, 1);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().path("status").asString()).isEqualTo("PENDING");
    String id = accepted.json().path("id").asString();
    assertThat(accepted.header("Location")).isEqualTo("/orders/" + id);

    assertThat(finalStatus(buyer, id)).isEqualTo("CONFIRMED");
    Response replay = order(buyer, key, deal, 1);
    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.json().path("id").asString()).isEqualTo(id);
    assertThat(replay.json().path("status").asString()).isEqualTo("CONFIRMED");
    assertThat(remaining(PRODUCT, deal)).isEqualTo(4);
  }

  @Test
  void rulesThatNeedNoUnitsAreAnsweredAtOnce() {
    long deal = activeDeal(PRODUCT, 5, 1);
    UUID buyer = UUID.randomUUID();
    Response tooMany = order(buyer, "async-" + UUID.randomUUID(), deal, 2);
    assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(409);
    assertThat(tooMany.json().path("code").asString()).isEqualTo("LIMIT_EXCEEDED");
    Response unknown = order(buyer, "async-" + UUID.randomUUID(), 987_654_321L, 1);
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
    assertThat(order(buyer, "async-" + UUID.randomUUID(), deal, 1).status()).isEqualTo(202);
    Response second = order(buyer, "async-" + UUID.randomUUID(), deal, 1);
    assertThat(second.status()).as(second.body()).isEqualTo(409);
    assertThat(second.json().path("code").asString()).isEqualTo("ALREADY_ORDERED");
    assertThat(orderRows()).isEqualTo(1);
  }

  @Test
  void aStampedeSellsEveryUnitExactlyOnce() throws Exception {
    int units = 20;
    int buyers = 120;
    long deal = activeDeal(PRODUCT, units, 1);
    List<Future<Response>> answers = new ArrayList<>();
    List<UUID> who = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < buyers; i++) {
        UUID buyer = UUID.randomUUID();
        who.add(buyer);
        answers.add(pool.submit(() -> order(buyer, "async-" + UUID.randomUUID(), deal, 1)));
      }
    }
    for (Future<Response> answer : answers) {
      assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(202);
    }
    awaitNoPending(Duration.ofSeconds(60));

    assertThat(countByStatus(deal, "CONFIRMED")).isEqualTo(units);
    assertThat(countByStatus(deal, "REJECTED")).isEqualTo(buyers - units);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM customer_order WHERE deal_id = :d AND status = 'REJECTED'"
                        + " AND rejection_code <> 'SOLD_OUT'")
                .param("d", deal)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(remaining(PRODUCT, deal)).isZero();
    // Every confirmed order holds exactly one live reservation, and nothing else holds units.
    List<UUID> confirmed =
        jdbc.sql("SELECT id FROM customer_order WHERE deal_id = :d AND status = 'CONFIRMED'")
            .param("d", deal)
            .query(UUID.class)
            .list();
    List<UUID> reserved =
        productDb
            .sql("SELECT order_id FROM reservation WHERE deal_id = :d AND status <> 'RELEASED'")
            .param("d", deal)
            .query(UUID.class)
            .list();
    assertThat(reserved).containsExactlyInAnyOrderElementsOf(confirmed);
    assertThat(deadLetters()).isZero();
  }

  @Test
  void redeliveredAndDuplicatedMessagesChangeNothing() throws Exception {
    long deal = activeDeal(PRODUCT, 1, 1);
    UUID buyer = UUID.randomUUID();
    Response accepted = order(buyer, "async-" + UUID.randomUUID(), deal, 1);
    UUID id = UUID.fromString(accepted.json().path("id").asString());
    assertThat(finalStatus(buyer, id.toString())).isEqualTo("CONFIRMED");

    // The same order placed again (a relay that died after the broker's confirm), and a contrary
    // decision about it (a stray message): neither may take a unit or flip the order.
    publish(
        Topology.ORDERS_EXCHANGE,
        Topology.ORDER_PLACED,
        Messages.write(new OrderPlaced(id, deal, buyer, 1)));
    publish(
        Topology.STOCK_EXCHANGE,
        Topology.STOCK_DECIDED,
        Messages.write(new StockDecided(id, StockDecided.REJECTED, "SOLD_OUT", null, null)));
    // A second buyer's order comes after both, on the same queues: once it is decided, the two
    // repeats have been consumed.
    UUID late = UUID.randomUUID();
    Response second = order(late, "async-" + UUID.randomUUID(), deal, 1);
    assertThat(finalStatus(late, second.json().path("id").asString())).isEqualTo("REJECTED");

    assertThat(status(buyer, id.toString())).isEqualTo("CONFIRMED");
    assertThat(remaining(PRODUCT, deal)).isZero();
    assertThat(
            productDb
                .sql("SELECT count(*) FROM reservation WHERE deal_id = :d")
                .param("d", deal)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(deadLetters()).isZero();
  }

  @Test
  void poisonGoesToTheDeadLetterQueue() throws Exception {
    publish(
        Topology.ORDERS_EXCHANGE,
        Topology.ORDER_PLACED,
        "{\"orderId\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8));
    publish(
        Topology.STOCK_EXCHANGE,
        Topology.STOCK_DECIDED,
        Messages.write(
            new StockDecided(UUID.randomUUID(), StockDecided.RESERVED, null, 100L, "EUR")));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (deadLetters() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(deadLetters()).isEqualTo(2);
  }

  @Test
  void ordersAcceptedWhileTheBrokerRestartsAreAllDecided() throws Exception {
    int units = 10;
    long deal = activeDeal(PRODUCT, units, 1);
    List<UUID> buyers = new ArrayList<>();
    Thread restart = Thread.ofVirtual().start(() -> LocalDeps.ensureUp().restart("rabbitmq"));
    // Accepted before, during and after the restart: the outbox holds what cannot be sent.
    long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
    while (System.nanoTime() < until || restart.isAlive()) {
      UUID buyer = UUID.randomUUID();
      Response r = order(buyer, "async-" + UUID.randomUUID(), deal, 1);
      assertThat(r.status()).as(r.body()).isEqualTo(202);
      buyers.add(buyer);
      Thread.sleep(100);
    }
    restart.join();
    awaitNoPending(Duration.ofSeconds(90));
    assertThat(countByStatus(deal, "CONFIRMED")).isEqualTo(Math.min(units, buyers.size()));
    assertThat(countByStatus(deal, "CONFIRMED") + countByStatus(deal, "REJECTED"))
        .isEqualTo(buyers.size());
    assertThat(remaining(PRODUCT, deal)).isEqualTo(Math.max(0, units - buyers.size()));
  }
}
