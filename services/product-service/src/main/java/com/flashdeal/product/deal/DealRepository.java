package com.flashdeal.product.deal;

import com.flashdeal.product.sql.DealsSql;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deals; statements from sql/deals.sql. */
@Repository
public class DealRepository {
  private final JdbcClient jdbc;

  DealRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  DealRecord insert(
      long productId,
      String title,
      long priceMinor,
      String currency,
      int quantity,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      int perUserLimit) {
    return jdbc.sql(DealsSql.INSERT_DEAL)
        .param("productId", productId)
        .param("title", title)
        .param("dealPriceMinor", priceMinor)
        .param("currency", currency)
        .param("quantity", quantity)
        .param("startsAt", startsAt)
        .param("endsAt", endsAt)
        .param("perUserLimit", perUserLimit)
        .query(DealRecord::map)
        .single();
  }

  public Optional<DealRecord> find(long id) {
    return jdbc.sql(DealsSql.FIND_DEAL).param("id", id).query(DealRecord::map).optional();
  }

  List<DealRecord> listActive(OffsetDateTime now, int limit, long offset) {
    return jdbc.sql(DealsSql.LIST_ACTIVE_DEALS)
        .param("now", now)
        .param("limit", limit)
        .param("offset", offset)
        .query(DealRecord::map)
        .list();
  }

  long countActive(OffsetDateTime now) {
    return jdbc.sql(DealsSql.COUNT_ACTIVE_DEALS).param("now", now).query(Long.class).single();
  }
}
