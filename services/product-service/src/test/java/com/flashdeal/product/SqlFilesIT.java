package com.flashdeal.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.product.sql.CatalogSql;
import com.flashdeal.product.sql.DealsSql;
import com.flashdeal.product.sql.ReservationsSql;
import com.flashdeal.product.sql.StockSql;
import com.flashdeal.servicedefaults.testing.SqlFiles;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every query of every .sql file runs against the real PostgreSQL (inside a rolled-back
 * transaction). New queries are picked up automatically from the generated {@code ALL} maps; a new
 * parameter name fails here until it gets a sample.
 */
class SqlFilesIT extends ProductServiceTestBase {
  @Autowired TransactionTemplate tx;

  @Test
  void everyQueryRuns() {
    long deal = activeDeal(10, 5);
    long product =
        jdbc.sql("SELECT product_id FROM deal WHERE id = :id")
            .param("id", deal)
            .query(Long.class)
            .single();
    // One unit sold, so statements that give units back have room to do so under the CHECK
    // constraints.
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Map<String, Object> samples = new HashMap<>();
    samples.put("id", deal);
    samples.put("dealId", deal);
    samples.put("productId", product);
    samples.put("name", "Sample");
    samples.put("description", "Sample product");
    samples.put("title", "Sample deal");
    samples.put("listPriceMinor", 1000L);
    samples.put("dealPriceMinor", 500L);
    samples.put("unitPriceMinor", 500L);
    samples.put("currency", "EUR");
    samples.put("stock", 10);
    samples.put("quantity", 1);
    samples.put("remaining", 5);
    samples.put("perUserLimit", 5);
    samples.put("limit", 10);
    samples.put("offset", 0L);
    samples.put("now", now);
    samples.put("startsAt", now.minusMinutes(1));
    samples.put("endsAt", now.plusHours(1));
    samples.put("orderId", UUID.randomUUID());
    samples.put("userId", UUID.randomUUID());
    samples.put("orderIds", "{" + UUID.randomUUID() + "}");
    samples.put("holdSeconds", 5.0);
    samples.put("batch", 10);
    samples.put("active", true);
    samples.put("skip", "{" + UUID.randomUUID() + "}");

    int ran =
        SqlFiles.runEveryQuery(
            jdbc,
            tx,
            List.of(
                new SqlFiles.QueryFile(CatalogSql.ALL, CatalogSql.PARAMETERS),
                new SqlFiles.QueryFile(DealsSql.ALL, DealsSql.PARAMETERS),
                new SqlFiles.QueryFile(ReservationsSql.ALL, ReservationsSql.PARAMETERS),
                new SqlFiles.QueryFile(StockSql.ALL, StockSql.PARAMETERS)),
            samples);
    assertThat(ran).isGreaterThanOrEqualTo(20);
  }
}
