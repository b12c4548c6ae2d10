package com.flashdeal.product;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The stock contract suite with {@code redis-lock} on the real Redis of local-deps. Every buyer of
 * the stampede is let wait for the lock as long as it takes (the default wait would shed most of
 * 300 simultaneous buyers with 503, which is right in production and not what this suite checks),
 * and Redis may answer slower than the production 100 ms with 300 waiters polling on 2 cores.
 */
@TestPropertySource(
    properties = {"flashdeal.product.redis.lock-wait=60s", "flashdeal.product.redis.timeout=2s"})
class RedisLockStockIT extends StockStrategyContractIT {
  @DynamicPropertySource
  static void redisLock(DynamicPropertyRegistry registry) {
    RedisState.use("redis-lock", registry);
  }

  @BeforeEach
  void emptyRedis() {
    RedisState.flush();
  }

  @Override
  boolean safe() {
    return true;
  }
}
