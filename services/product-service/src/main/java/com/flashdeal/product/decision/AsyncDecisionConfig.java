package com.flashdeal.product.decision;

import com.flashdeal.product.ProductProperties;
import com.flashdeal.product.reservation.ReservationService;
import com.flashdeal.servicecore.messaging.Broker;
import com.flashdeal.servicecore.messaging.MessagingSettings;
import com.flashdeal.servicecore.messaging.OutboxRelay;
import com.flashdeal.servicecore.messaging.QueueConsumer;
import com.flashdeal.servicecore.messaging.Topology;
import com.flashdeal.servicedefaults.messaging.MessagingParts;
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
    return MessagingParts.relay(
        "stock-decisions",
        broker,
        decisions,
        Topology.STOCK_EXCHANGE,
        settings(properties),
        meters);
  }

  @Bean(destroyMethod = "close")
  QueueConsumer orderPlacedConsumer(
      Broker broker,
      ReservationService reservations,
      DecisionRepository decisions,
      OutboxRelay relay,
      ProductProperties properties,
      MeterRegistry meters) {
    return MessagingParts.consumer(
        broker,
        Topology.ORDER_PLACED_QUEUE,
        settings(properties),
        new OrderPlacedHandler(reservations, decisions, relay::nudge),
        meters);
  }

  private static MessagingSettings settings(ProductProperties properties) {
    if (properties.messaging() == null) {
      throw new IllegalStateException(
          "flashdeal.product.order-flow=async needs flashdeal.product.messaging");
    }
    return properties.messaging();
  }
}
