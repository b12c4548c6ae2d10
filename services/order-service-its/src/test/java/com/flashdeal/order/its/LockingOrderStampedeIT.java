package com.flashdeal.order.its;

/** The order stampede with product-service on {@code db-lock}. */
class LockingOrderStampedeIT extends OrderStampedeContractIT {
  @Override
  String strategy() {
    return "db-lock";
  }

  @Override
  boolean safe() {
    return true;
  }
}
