package com.flashdeal.order;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The order stampede with product-service on {@code naive}. */
class NaiveOrderStampedeIT extends OrderStampedeContractIT {
  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    productService("naive", registry);
  }

  @Override
  String strategy() {
    return "naive";
  }

  @Override
  boolean safe() {
    return false;
  }
}
