package com.flashdeal.product.stock;

import com.flashdeal.product.sql.StockSql;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code db-atomic} (default): one conditional UPDATE; the row lock lasts only for that statement's
 * transaction.
 */
final class AtomicStock implements StockStrategy {
  private final JdbcClient jdbc;

  AtomicStock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "db-atomic";
  }

  @Override
  public boolean conditionalDecrement() {
    return true;
  }

  @Override
  public boolean take(long dealId, int quantity) {
    return jdbc.sql(StockSql.TAKE_STOCK_ATOMICALLY)
            .param("dealId", dealId)
            .param("quantity", quantity)
            .update()
        == 1;
  }
}
