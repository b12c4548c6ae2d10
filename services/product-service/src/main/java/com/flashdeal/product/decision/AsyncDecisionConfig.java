package com.flashdeal.product.decision;

import com.flashdeal.product.ProductProperties;
import com.flashdeal.product.reservation.ReservationService;
import com.flashdeal.servicecore.messaging.Broker;
import com.flashdeal.servicecore.messaging.MessagingSettings;
import com.flashdeal.servicecore.messaging.OutboxRelay;
import com.flashdeal.servicecore.messaging.QueueConsumer;
import com.flashdeal.servicecore.messaging.Topology;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The asynchronous flow's parts in product-service, only with {@code
 * flashdeal.product.order-flow=async}: the broker connection, the consumer of accepted orders and
 * the relay of stock decisions, with their counters as metrics.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "flashdeal.product.order-flow", havingValue = "async")
class AsyncDecisionConfig {

  @Bean(destroyMethod = "close")
  Broker broker(ProductProperties properties) {
    return new Broker(settings(properties).url(), "product-service");
  }

  @Bean(destroyMethod = "close")
  OutboxRelay decisionRelay(
      Broker broker,
      DecisionRepository decisions,
      ProductProperties properties,
      MeterRegistry meters) {
    MessagingSettings s = settings(properties);
    OutboxRelay relay =
        new OutboxRelay(
            "stock-decisions",
            broker,
            decisions,
            Topology.STOCK_EXCHANGE,
            s.relayBatch(),
            s.relayPoll());
    FunctionCounter.builder("flashdeal.outbox.published", relay, OutboxRelay::published)
        .register(meters);
    Gauge.builder("flashdeal.outbox.backlog", decisions, d -> d.backlog().messages())
        .register(meters);
    Gauge.builder("flashdeal.outbox.lag.millis", decisions, d -> d.backlog().oldestAgeMillis())
        .register(meters);
    return relay.start();
  }

  @Bean(destroyMethod = "close")
  QueueConsumer orderPlacedConsumer(
      Broker broker,
      ReservationService reservations,
      DecisionRepository decisions,
      OutboxRelay relay,
      ProductProperties properties,
      MeterRegistry meters) {
    MessagingSettings s = settings(properties);
    QueueConsumer consumer =
        new QueueConsumer(
            broker,
            Topology.ORDER_PLACED_QUEUE,
            s.consumers(),
            s.prefetch(),
            new OrderPlacedHandler(reservations, decisions, relay::nudge));
    FunctionCounter.builder("flashdeal.messages.handled", consumer, QueueConsumer::handled)
        .tag("queue", Topology.ORDER_PLACED_QUEUE)
        .register(meters);
    FunctionCounter.builder(
            "flashdeal.messages.dead.lettered", consumer, QueueConsumer::deadLettered)
        .tag("queue", Topology.ORDER_PLACED_QUEUE)
        .register(meters);
    return consumer.start();
  }

  private static MessagingSettings settings(ProductProperties properties) {
    if (properties.messaging() == null) {
      throw new IllegalStateException(
          "flashdeal.product.order-flow=async needs flashdeal.product.messaging");
    }
    return properties.messaging();
  }
}
