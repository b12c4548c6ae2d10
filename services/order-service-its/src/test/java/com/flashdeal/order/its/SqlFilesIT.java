package com.flashdeal.order.its;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.order.sql.OrdersSql;
import com.flashdeal.order.sql.SettlementsSql;
import com.flashdeal.servicedefaults.testing.SqlFiles;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every query of order-service's .sql files (order-core's, shared by both implementations) runs
 * against the real PostgreSQL, migrated by the order-service under test.
 */
class SqlFilesIT extends OrderServiceTestBase {
  @Override
  void configure(Settings registry) {
    registry.add("FLASHDEAL_ORDER_PRODUCT_URL", () -> "http://127.0.0.1:1");
    orderDatabase(registry);
  }

  @Test
  void everyQueryRuns() {
    Map<String, Object> samples =
        Map.ofEntries(
            Map.entry("id", UUID.randomUUID()),
            Map.entry("userId", UUID.randomUUID()),
            Map.entry("dealId", 1L),
            Map.entry("productId", 1L),
            Map.entry("quantity", 1),
            Map.entry("unitPriceMinor", 14950L),
            Map.entry("currency", "EUR"),
            Map.entry("status", "CONFIRMED"),
            Map.entry("idempotencyKey", "sample-key"),
            Map.entry("requestFingerprint", "deal=1;quantity=1"),
            Map.entry("limit", 10),
            Map.entry("offset", 0L),
            Map.entry("now", OffsetDateTime.now()),
            Map.entry("orderIds", "{" + UUID.randomUUID() + "}"));
    int ran =
        SqlFiles.runEveryQuery(
            jdbc,
            new TransactionTemplate(new DataSourceTransactionManager(orderDb)),
            List.of(
                new SqlFiles.QueryFile(OrdersSql.ALL, OrdersSql.PARAMETERS),
                new SqlFiles.QueryFile(SettlementsSql.ALL, SettlementsSql.PARAMETERS)),
            samples);
    assertThat(ran).isEqualTo(9);
  }
}
