package com.flashdeal.product.stock;

import com.flashdeal.product.ProductProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link RedisStockGate#sweep} at the reaper's interval when the gate is Redis; idle
 * otherwise. Safe with several replicas: every give-back is exactly-once by order id.
 */
@Component
class RedisStockSweeper implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(RedisStockSweeper.class);

  private final StockGate gate;
  private final ProductProperties.Reaper config;
  private ScheduledExecutorService timer;

  RedisStockSweeper(StockGate gate, ProductProperties properties) {
    this.gate = gate;
    this.config = properties.reaper();
  }

  @Override
  public void start() {
    if (!(gate instanceof RedisStockGate redis)) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("redis-sweep").factory());
    long every = config.interval().toMillis();
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            redis.sweep();
          } catch (RuntimeException e) {
            log.warn("redis-lua sweep failed; retrying in {}: {}", config.interval(), e.toString());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }
}
