package com.flashdeal.product;

import org.springframework.test.context.TestPropertySource;

/** The stock contract suite with {@code db-atomic}. */
@TestPropertySource(properties = "flashdeal.product.stock-strategy=db-atomic")
class AtomicStockIT extends StockStrategyContractIT {
  @Override
  boolean safe() {
    return true;
  }
}
