package com.flashdeal.product.stock;

import com.flashdeal.product.ProductProperties;
import com.flashdeal.servicedefaults.lifecycle.PeriodicTask;
import org.springframework.stereotype.Component;

/**
 * Runs {@link RedisStockGate#sweep} at the reaper's interval when the gate is Redis; idle
 * otherwise. Safe with several replicas: every give-back is exactly-once by order id.
 */
@Component
class RedisStockSweeper extends PeriodicTask {
  private final StockGate gate;

  RedisStockSweeper(StockGate gate, ProductProperties properties) {
    super("redis-lua sweep", properties.reaper().interval());
    this.gate = gate;
  }

  @Override
  protected boolean enabled() {
    return gate instanceof RedisStockGate;
  }

  @Override
  protected void runOnce() {
    ((RedisStockGate) gate).sweep();
  }
}
