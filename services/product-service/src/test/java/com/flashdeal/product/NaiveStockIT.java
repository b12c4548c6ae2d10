package com.flashdeal.product;

import org.springframework.test.context.TestPropertySource;

/** The stock contract suite with {@code naive}. */
@TestPropertySource(properties = "flashdeal.product.stock-strategy=naive")
class NaiveStockIT extends StockStrategyContractIT {
  @Override
  boolean safe() {
    return false;
  }
}
