package com.flashdeal.product.stock;

import com.flashdeal.product.ProductProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Picks the configured strategy; an unknown name stops start-up with the list of known ones. */
@Configuration(proxyBeanMethods = false)
class StockStrategyConfig {
  private static final Logger log = LoggerFactory.getLogger(StockStrategyConfig.class);

  @Bean
  StockStrategy stockStrategy(ProductProperties properties, JdbcClient jdbc) {
    List<StockStrategy> known =
        List.of(new AtomicStock(jdbc), new LockingStock(jdbc), new NaiveStock(jdbc));
    StockStrategy chosen =
        known.stream()
            .filter(s -> s.name().equals(properties.stockStrategy()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "unknown flashdeal.product.stock-strategy '"
                            + properties.stockStrategy()
                            + "'; known: "
                            + known.stream().map(StockStrategy::name).toList()));
    if (chosen instanceof NaiveStock) {
      log.warn(
          "stock strategy 'naive' is UNSAFE under concurrency and oversells by design (demonstrator only)");
    } else {
      log.info("stock strategy: {}", chosen.name());
    }
    return chosen;
  }
}
