package com.flashdeal.product.stock;

import com.flashdeal.product.sql.StockSql;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code naive}: read, check, write back — <b>deliberately unsafe</b>. Two buyers who read the same
 * remaining count both pass the check and both write "one less": a lost update that sells more than
 * the deal has. It exists only so the concurrency tests and the benchmark oracle can show they
 * catch oversell; it is never the default.
 */
final class NaiveStock implements StockStrategy {
  private final JdbcClient jdbc;

  NaiveStock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "naive";
  }

  @Override
  public boolean take(long dealId, int quantity) {
    Integer remaining =
        jdbc.sql(StockSql.READ_REMAINING)
            .param("dealId", dealId)
            .query(Integer.class)
            .optional()
            .orElse(null);
    if (remaining == null || remaining < quantity) {
      return false;
    }
    return jdbc.sql(StockSql.WRITE_REMAINING)
            .param("dealId", dealId)
            .param("remaining", remaining - quantity)
            .update()
        == 1;
  }
}
