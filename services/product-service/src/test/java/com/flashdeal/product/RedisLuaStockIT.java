package com.flashdeal.product;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The stock contract suite with {@code redis-lua} on the real Redis of local-deps. */
class RedisLuaStockIT extends StockStrategyContractIT {
  @DynamicPropertySource
  static void redisLua(DynamicPropertyRegistry registry) {
    RedisState.use(registry);
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
