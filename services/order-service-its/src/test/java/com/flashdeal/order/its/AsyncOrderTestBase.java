package com.flashdeal.order.its;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicecore.messaging.Topology;
import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.testing.TestHttp;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Phase 5's asynchronous order path against the real thing: order-service (flow async) and a
 * product-service of the class's own consuming from the private RabbitMQ, both on the private
 * PostgreSQL; helpers to follow an order to its final state, publish raw messages and read the
 * dead-letter queue. (Spring only: the Micronaut stack has no asynchronous flow.)
 */
abstract class AsyncOrderTestBase extends OrderServiceTestBase {
  ConnectionFactory rabbit;
  JdbcClient productDb;

  /** The key of this class's product-service process; stopped after the class. */
  abstract String product();

  /**
   * Starts this class's product-service (flow async, this stock strategy) and points an async
   * order-service at it and at the broker; {@code orderEnv} on top.
   */
  void configureAsync(
      Settings registry,
      String strategy,
      Map<String, String> productEnv,
      Map<String, String> orderEnv)
      throws Exception {
    Assumptions.assumeTrue(
        IMPLEMENTATION.equals("spring"), "the asynchronous flow is built on the Spring stack");
    LocalDeps deps = LocalDeps.ensureUp();
    deps.rabbitUp();
    Map<String, String> env = deps.environment();
    Map<String, String> productSettings = new HashMap<>(productEnv);
    productSettings.put("FLASHDEAL_ORDER_FLOW", "async");
    ServiceProcess product = productProcess(product(), strategy, productSettings);
    registry.add("FLASHDEAL_ORDER_PRODUCT_URL", () -> "http://127.0.0.1:" + product.port);
    registry.add("FLASHDEAL_ORDER_FLOW", () -> "async");
    registry.add("FLASHDEAL_RABBITMQ_URL", () -> env.get("FLASHDEAL_RABBITMQ_URL"));
    orderEnv.forEach((k, v) -> registry.add(k, () -> v));
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

  @AfterAll
  void stopProductService() {
    stopProduct(product());
  }

  @BeforeEach
  void emptyDeadLetters() throws Exception {
    if (rabbit == null) {
      return;
    }
    try (Connection c = rabbit.newConnection();
        Channel ch = c.createChannel()) {
      ch.queuePurge(Topology.DEAD_LETTER_QUEUE);
    }
  }

  /** The live reservations of a deal (not released), by order id. */
  List<UUID> liveReservations(long deal) {
    return productDb
        .sql("SELECT order_id FROM reservation WHERE deal_id = :d AND status <> 'RELEASED'")
        .param("d", deal)
        .query(UUID.class)
        .list();
  }

  List<UUID> ordersWithStatus(long deal, String status) {
    return jdbc.sql("SELECT id FROM customer_order WHERE deal_id = :d AND status = :s")
        .param("d", deal)
        .param("s", status)
        .query(UUID.class)
        .list();
  }

  void publish(String exchange, String routingKey, byte[] body) throws Exception {
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

  long deadLetters() throws Exception {
    try (Connection c = rabbit.newConnection();
        Channel ch = c.createChannel()) {
      return ch.queueDeclarePassive(Topology.DEAD_LETTER_QUEUE).getMessageCount();
    }
  }

  String status(UUID buyer, String id) {
    Response r =
        TestHttp.send("GET", orders("/orders/" + id), TestTokens.user(buyer), null, null, Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("status").asString();
  }

  /** Polls as a client would, until the order leaves PENDING. */
  String finalStatus(UUID buyer, String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String status = status(buyer, id);
    while (status.equals("PENDING") && System.nanoTime() < deadline) {
      sleep(50);
      status = status(buyer, id);
    }
    return status;
  }

  void awaitNoPending(Duration timeout) {
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

  long countByStatus(long deal, String status) {
    return jdbc.sql("SELECT count(*) FROM customer_order WHERE deal_id = :d AND status = :s")
        .param("d", deal)
        .param("s", status)
        .query(Long.class)
        .single();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
