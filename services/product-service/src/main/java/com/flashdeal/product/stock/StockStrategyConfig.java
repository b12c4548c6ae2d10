package com.flashdeal.product.stock;

import com.flashdeal.product.ProductProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.RedisClient;

/**
 * Picks the configured strategy; an unknown name stops start-up with the list of known ones. A
 * Redis strategy is a gate in front of the database plus db-atomic's statement as the guard.
 */
@Configuration(proxyBeanMethods = false)
class StockStrategyConfig {
  private static final Logger log = LoggerFactory.getLogger(StockStrategyConfig.class);

  static final String REDIS_LUA = "redis-lua";
  static final String REDIS_LOCK = "redis-lock";

  @Bean
  StockStrategy stockStrategy(ProductProperties properties, JdbcClient jdbc) {
    List<StockStrategy> known =
        List.of(new AtomicStock(jdbc), new LockingStock(jdbc), new NaiveStock(jdbc));
    String name = properties.stockStrategy();
    if (name.equals(REDIS_LUA) || name.equals(REDIS_LOCK)) {
      log.info(
          "stock strategy: {} ({}; db-atomic's statement guards)",
          name,
          name.equals(REDIS_LUA) ? "Redis admits" : "one Redis lock per deal");
      return new AtomicStock(jdbc);
    }
    StockStrategy chosen =
        known.stream()
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "unknown flashdeal.product.stock-strategy '"
                            + name
                            + "'; known: "
                            + known.stream().map(StockStrategy::name).toList()
                            + " and "
                            + List.of(REDIS_LUA, REDIS_LOCK)));
    if (chosen instanceof NaiveStock) {
      log.warn(
          "stock strategy 'naive' is UNSAFE under concurrency and oversells by design (demonstrator only)");
    } else {
      log.info("stock strategy: {}", chosen.name());
    }
    return chosen;
  }

  @Bean
  StockGate stockGate(
      ProductProperties properties,
      ObjectProvider<RedisClient> redis,
      JdbcClient jdbc,
      Clock clock,
      MeterRegistry meters) {
    return switch (properties.stockStrategy()) {
      case REDIS_LUA ->
          new RedisStockGate(redis.getObject(), jdbc, clock, properties.reaper().hold(), meters);
      case REDIS_LOCK ->
          new RedisLockGate(
              redis.getObject(),
              properties.redis().lockLease(),
              properties.redis().lockWait(),
              meters);
      default -> StockGate.OPEN;
    };
  }
}
