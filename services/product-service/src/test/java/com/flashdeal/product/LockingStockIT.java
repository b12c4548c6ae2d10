package com.flashdeal.product;

import org.springframework.test.context.TestPropertySource;

/** The stock contract suite with {@code db-lock}. */
@TestPropertySource(properties = "flashdeal.product.stock-strategy=db-lock")
class LockingStockIT extends StockStrategyContractIT {
  @Override
  boolean safe() {
    return true;
  }
}
