package com.flashdeal.order.accept;

import com.flashdeal.order.OrderProperties;
import com.flashdeal.ordercore.accept.AcceptedOrderStore;
import com.flashdeal.ordercore.accept.StockDecisions;
import com.flashdeal.ordercore.checkout.AcceptService;
import com.flashdeal.ordercore.orders.OrderStore;
import com.flashdeal.ordercore.stock.ProductClient;
import com.flashdeal.servicecore.messaging.Broker;
import com.flashdeal.servicecore.messaging.MessagingSettings;
import com.flashdeal.servicecore.messaging.OutboxRelay;
import com.flashdeal.servicecore.messaging.QueueConsumer;
import com.flashdeal.servicecore.messaging.Topology;
import com.flashdeal.servicedefaults.messaging.MessagingParts;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The asynchronous flow's parts, only with {@code flashdeal.order.flow=async}: the broker
 * connection, the outbox relay, the consumer of stock decisions and the accepting checkout. Their
 * counters are metrics ({@code flashdeal.outbox.*}, {@code flashdeal.messages.*}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "flashdeal.order.flow", havingValue = "async")
class AsyncOrderConfig {

  @Bean(destroyMethod = "close")
  Broker broker(OrderProperties properties) {
    return new Broker(settings(properties).url(), "order-service");
  }

  @Bean(destroyMethod = "close")
  OutboxRelay orderOutboxRelay(
      Broker broker, AcceptedOrderStore outbox, OrderProperties properties, MeterRegistry meters) {
    return MessagingParts.relay(
        "orders", broker, outbox, Topology.ORDERS_EXCHANGE, settings(properties), meters);
  }

  @Bean(destroyMethod = "close")
  QueueConsumer stockDecisionConsumer(
      Broker broker, AcceptedOrderStore orders, OrderProperties properties, MeterRegistry meters) {
    return MessagingParts.consumer(
        broker,
        Topology.STOCK_DECIDED_QUEUE,
        settings(properties),
        new StockDecisions(orders),
        meters);
  }

  @Bean
  AcceptService acceptService(
      OrderStore orders,
      AcceptedOrderStore accepted,
      ProductClient products,
      Clock clock,
      OutboxRelay relay,
      OrderProperties properties) {
    return new AcceptService(
        orders,
        accepted,
        products,
        clock,
        relay::nudge,
        properties.admission() == OrderProperties.Admission.STOCK_GATE);
  }

  private static MessagingSettings settings(OrderProperties properties) {
    if (properties.messaging() == null) {
      throw new IllegalStateException("flashdeal.order.flow=async needs flashdeal.order.messaging");
    }
    return properties.messaging();
  }
}
