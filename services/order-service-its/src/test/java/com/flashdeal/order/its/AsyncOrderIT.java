package com.flashdeal.order.its;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicecore.messaging.Messages;
import com.flashdeal.servicecore.messaging.Messages.OrderPlaced;
import com.flashdeal.servicecore.messaging.Messages.StockDecided;
import com.flashdeal.servicecore.messaging.Topology;
import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.testing.TestHttp;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Phase 5's asynchronous order path against the real thing: order-service (flow async) and
 * product-service consuming from the private RabbitMQ, both on the private PostgreSQL. Every unit
 * is sold once through a stampede, redelivered and duplicated messages change nothing, poison goes
 * to the dead-letter queue, and orders accepted while the broker restarts are all decided. (Spring
 * only: the Micronaut stack has no asynchronous flow.)
 */
class AsyncOrderIT extends OrderServiceTestBase {
  private static final String PRODUCT = "async";
  private ConnectionFactory rabbit;
  private JdbcClient productDb;

  @Override
  void configure(Settings registry) throws Exception {
    Assumptions.assumeTrue(
        IMPLEMENTATION.equals("spring"), "the asynchronous flow is built on the Spring stack");
    LocalDeps deps = LocalDeps.ensureUp();
    deps.rabbitUp();
    Map<String, String> env = deps.environment();
    ServiceProcess product =
        productProcess(PRODUCT, "db-atomic", Map.of("FLASHDEAL_ORDER_FLOW", "async"));
    registry.add("FLASHDEAL_ORDER_PRODUCT_URL", () -> "http://127.0.0.1:" + product.port);
    registry.add("FLASHDEAL_ORDER_FLOW", () -> "async");
    registry.add("FLASHDEAL_RABBITMQ_URL", () -> env.get("FLASHDEAL_RABBITMQ_URL"));
    orderDatabase(registry);
    // A connection per use: one test restarts the broker.
    rabbit = new ConnectionFactory();
    rabbit.setUri(env.get("FLASHDEAL_RABBITMQ_URL"));
    productDb =
        JdbcClient.create(
            new DriverManagerDataSource(
                env.get("FLASHDEAL_PRODUCT_DB_URL"),
                env.get("FLASHDEAL_PRODUCT_DB_USER"),
                env.get("FLASHDEAL_PRODUCT_DB_PASSWORD")));
  }

  @BeforeEach
  void emptyDeadLetters() throws Exception {
    try (Connection c = rabbit.newConnection();
        Channel ch = c.createChannel()) {
      ch.queuePurge(Topology.DEAD_LETTER_QUEUE);
    }
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

  private void publish(String exchange, String routingKey, byte[] body) throws Exception {
    try (Connection c = rabbit.newConnection();
        Channel ch = c.createChannel()) {
      ch.confirmSelect();
      ch.basicPublish(
          exchange,
          routingKey,
          new AMQP.BasicProperties.Builder().deliveryMode(2).messageId("it").build(),
          body);
      ch.waitForConfirmsOrDie(5000);
    }
  }

  private long deadLetters() throws Exception {
    try (Connection c = rabbit.newConnection();
        Channel ch = c.createChannel()) {
      return ch.queueDeclarePassive(Topology.DEAD_LETTER_QUEUE).getMessageCount();
    }
  }

  private String status(UUID buyer, String id) {
    Response r =
        TestHttp.send("GET", orders("/orders/" + id), TestTokens.user(buyer), null, null, Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("status").asString();
  }

  /** Polls as a client would, until the order leaves PENDING. */
  private String finalStatus(UUID buyer, String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String status = status(buyer, id);
    while (status.equals("PENDING") && System.nanoTime() < deadline) {
      sleep(50);
      status = status(buyer, id);
    }
    return status;
  }

  private void awaitNoPending(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (jdbc.sql("SELECT count(*) FROM customer_order WHERE status = 'PENDING'")
              .query(Long.class)
              .single()
          == 0) {
        return;
      }
      sleep(100);
    }
    throw new AssertionError("orders still PENDING after " + timeout);
  }

  private long countByStatus(long deal, String status) {
    return jdbc.sql("SELECT count(*) FROM customer_order WHERE deal_id = :d AND status = :s")
        .param("d", deal)
        .param("s", status)
        .query(Long.class)
        .single();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
