package com.flashdeal.order;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The order stampede with product-service on {@code redis-lua} (the real Redis of local-deps). */
class RedisLuaOrderStampedeIT extends OrderStampedeContractIT {
  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    productService("redis-lua", registry);
  }

  @Override
  String strategy() {
    return "redis-lua";
  }

  @Override
  boolean safe() {
    return true;
  }
}
