package com.flashdeal.order.its;

/** The order stampede with product-service on {@code naive}. */
class NaiveOrderStampedeIT extends OrderStampedeContractIT {
  @Override
  String strategy() {
    return "naive";
  }

  @Override
  boolean safe() {
    return false;
  }
}
