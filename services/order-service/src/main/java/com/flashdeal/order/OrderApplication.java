package com.flashdeal.order;

import com.flashdeal.order.checkout.CheckoutWarmUp;
import com.flashdeal.ordercore.checkout.CheckoutService;
import com.flashdeal.ordercore.checkout.SoldOutDeals;
import com.flashdeal.ordercore.orders.OrderStore;
import com.flashdeal.ordercore.settlement.SettlementStore;
import com.flashdeal.ordercore.settlement.Settlements;
import com.flashdeal.ordercore.stock.ProductClient;
import com.flashdeal.servicecore.security.ServiceTokens;
import com.flashdeal.servicedefaults.security.ServiceClientProperties;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * order-service on Spring Boot: owns orders; reaches stock only through product-service's internal
 * API. The order path itself is order-core's (shared with the Micronaut implementation); this
 * application wires it to Spring MVC and JdbcClient.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderApplication {
  public static void main(String[] args) {
    SpringApplication.run(OrderApplication.class, args);
  }

  @Bean
  ProductClient productClient(
      OrderProperties properties, ServiceTokens tokens, ServiceClientProperties client) {
    return new ProductClient(properties.productService().settings(), tokens, client.client());
  }

  @Bean
  Settlements settlements(SettlementStore store) {
    return new Settlements(store);
  }

  /** The synchronous flow (201); the asynchronous one's placement is AsyncOrderConfig's. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "flashdeal.order.flow", havingValue = "sync", matchIfMissing = true)
  static class SyncFlow {
    @Bean
    CheckoutService checkoutService(
        OrderStore orders,
        ProductClient products,
        Settlements settlements,
        Clock clock,
        SoldOutDeals soldOut) {
      return new CheckoutService(orders, products, settlements, clock, soldOut);
    }

    /** The deals product-service just refused as SOLD_OUT. */
    @Bean
    SoldOutDeals soldOutDeals(OrderProperties properties) {
      return new SoldOutDeals(properties.soldOutTtl());
    }

    @Bean
    CheckoutWarmUp checkoutWarmUp(SoldOutDeals soldOut) {
      return new CheckoutWarmUp(soldOut);
    }
  }
}
