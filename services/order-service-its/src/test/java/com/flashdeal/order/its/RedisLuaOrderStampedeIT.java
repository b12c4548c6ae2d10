package com.flashdeal.order.its;

/** The order stampede with product-service on {@code redis-lua} (the real Redis of local-deps). */
class RedisLuaOrderStampedeIT extends OrderStampedeContractIT {
  @Override
  String strategy() {
    return "redis-lua";
  }

  @Override
  boolean safe() {
    return true;
  }
}
