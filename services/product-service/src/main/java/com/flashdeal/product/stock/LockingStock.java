package com.flashdeal.product.stock;

import com.flashdeal.product.sql.StockSql;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code db-lock}: SELECT ... FOR UPDATE, decide in Java, then UPDATE; buyers of one deal queue on
 * its row lock.
 */
final class LockingStock implements StockStrategy {
  private final JdbcClient jdbc;

  LockingStock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "db-lock";
  }

  @Override
  public boolean take(long dealId, int quantity) {
    Integer remaining =
        jdbc.sql(StockSql.LOCK_REMAINING)
            .param("dealId", dealId)
            .query(Integer.class)
            .optional()
            .orElse(null);
    if (remaining == null || remaining < quantity) {
      return false;
    }
    return jdbc.sql(StockSql.DECREMENT_REMAINING)
            .param("dealId", dealId)
            .param("quantity", quantity)
            .update()
        == 1;
  }
}
