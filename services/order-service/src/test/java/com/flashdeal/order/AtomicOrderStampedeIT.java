package com.flashdeal.order;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The order stampede with product-service on {@code db-atomic}. */
class AtomicOrderStampedeIT extends OrderStampedeContractIT {
  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    productService("db-atomic", registry);
  }

  @Override
  String strategy() {
    return "db-atomic";
  }

  @Override
  boolean safe() {
    return true;
  }
}
