package com.flashdeal.harness.platform;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.sql.ResetSql;
import java.util.Map;

/**
 * Empties product-service's and order-service's tables as their own roles (they own them), with the
 * services running: between the sales of one deployment, no JVM restarts. The pools' idle
 * connections hold no locks; a deadlock with background work is tried again.
 */
public final class StateReset {
  private StateReset() {}

  public static void run(Map<String, Platform.Database> databases) {
    Map<String, String> statements =
        Map.of("product", ResetSql.RESET_PRODUCT_STATE, "order", ResetSql.RESET_ORDER_STATE);
    statements.forEach(
        (service, sql) -> {
          Platform.Database db = databases.get(service);
          if (db == null) {
            throw new HarnessException("no database settings for " + service + "-service");
          }
          truncate(db, sql);
        });
  }

  /**
   * TRUNCATE takes an exclusive lock; when the deadlock detector picks it (a service's background
   * work — the reaper, an outbox relay — or a load pod still stopping held a row lock), it is tried
   * again: nothing was emptied, and the statement is all or nothing.
   */
  private static void truncate(Platform.Database db, String sql) {
    for (int attempt = 1; ; attempt++) {
      try {
        Jdbc.client(db).sql(sql).update();
        return;
      } catch (org.springframework.dao.PessimisticLockingFailureException e) {
        if (attempt == 5) {
          throw e;
        }
        com.flashdeal.harness.Waiting.sleep(java.time.Duration.ofMillis(200L * attempt));
      }
    }
  }

  /**
   * Empties every queue of the asynchronous order path (dead letters included): after the tables
   * are emptied, a message left over from the last sale would name an order that no longer exists.
   */
  public static void purgeQueues(String brokerUrl) {
    try {
      com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
      factory.setUri(brokerUrl);
      try (com.rabbitmq.client.Connection c = factory.newConnection("flashdeal-harness-reset");
          com.rabbitmq.client.Channel ch = c.createChannel()) {
        com.flashdeal.servicecore.messaging.Topology.declare(ch);
        for (String queue : com.flashdeal.servicecore.messaging.Topology.QUEUES) {
          ch.queuePurge(queue);
        }
      }
    } catch (Exception e) {
      throw new HarnessException("cannot purge the broker's queues: " + e.getMessage(), e);
    }
  }
}
