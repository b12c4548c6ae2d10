package com.flashdeal.harness.platform;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.sql.ResetSql;
import java.util.Map;

/**
 * Empties product-service's and order-service's tables as their own roles (they own them), with the
 * services running: between the sales of one deployment, no JVM restarts. TRUNCATE waits for no one
 * here: the pools' idle connections hold no locks.
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
          Jdbc.client(db).sql(sql).update();
        });
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
