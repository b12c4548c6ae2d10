package com.flashdeal.order.its;

/** The order stampede with product-service on {@code db-atomic}. */
class AtomicOrderStampedeIT extends OrderStampedeContractIT {
  @Override
  String strategy() {
    return "db-atomic";
  }

  @Override
  boolean safe() {
    return true;
  }
}
