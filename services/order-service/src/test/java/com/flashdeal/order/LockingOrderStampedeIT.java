package com.flashdeal.order;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The order stampede with product-service on {@code db-lock}. */
class LockingOrderStampedeIT extends OrderStampedeContractIT {
  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    productService("db-lock", registry);
  }

  @Override
  String strategy() {
    return "db-lock";
  }

  @Override
  boolean safe() {
    return true;
  }
}
