package com.flashdeal.servicecore.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;

/**
 * The exchanges and queues of the asynchronous order path, declared (idempotently) by every service
 * that uses them at start, so neither depends on the other having started first.
 *
 * <p>Work queues are quorum queues: replicated and fsynced in a cluster, and with a delivery limit,
 * so a message that keeps failing (a crash loop in its consumer) ends in the dead-letter queue
 * instead of circling for ever.
 */
public final class Topology {
  private Topology() {}

  /** order-service publishes accepted orders here. */
  public static final String ORDERS_EXCHANGE = "flashdeal.orders";

  public static final String ORDER_PLACED = "order.placed";

  /** product-service consumes accepted orders from here. */
  public static final String ORDER_PLACED_QUEUE = "product-service.order-placed";

  /** product-service publishes its stock decisions here. */
  public static final String STOCK_EXCHANGE = "flashdeal.stock";

  public static final String STOCK_DECIDED = "stock.decided";

  /** order-service consumes stock decisions from here. */
  public static final String STOCK_DECIDED_QUEUE = "order-service.stock-decided";

  public static final String DEAD_LETTER_EXCHANGE = "flashdeal.dead-letter";

  /** Poison messages of every work queue; nothing reads it but people (and the lab's count). */
  public static final String DEAD_LETTER_QUEUE = "flashdeal.dead-letters";

  /** Deliveries of one message before the broker dead-letters it. */
  public static final int DELIVERY_LIMIT = 10;

  /** Every queue of the topology, for the lab's depth samples and its reset. */
  public static final java.util.List<String> QUEUES =
      java.util.List.of(ORDER_PLACED_QUEUE, STOCK_DECIDED_QUEUE, DEAD_LETTER_QUEUE);

  public static void declare(Channel channel) throws IOException {
    channel.exchangeDeclare(DEAD_LETTER_EXCHANGE, BuiltinExchangeType.FANOUT, true);
    channel.queueDeclare(DEAD_LETTER_QUEUE, true, false, false, null);
    channel.queueBind(DEAD_LETTER_QUEUE, DEAD_LETTER_EXCHANGE, "");
    workQueue(channel, ORDERS_EXCHANGE, ORDER_PLACED_QUEUE, ORDER_PLACED);
    workQueue(channel, STOCK_EXCHANGE, STOCK_DECIDED_QUEUE, STOCK_DECIDED);
  }

  private static void workQueue(Channel channel, String exchange, String queue, String routingKey)
      throws IOException {
    channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, true);
    channel.queueDeclare(
        queue,
        true,
        false,
        false,
        Map.of(
            "x-queue-type", "quorum",
            "x-dead-letter-exchange", DEAD_LETTER_EXCHANGE,
            "x-delivery-limit", DELIVERY_LIMIT));
    channel.queueBind(queue, exchange, routingKey);
  }
}
