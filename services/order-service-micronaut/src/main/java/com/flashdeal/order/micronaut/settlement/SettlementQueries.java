package com.flashdeal.order.micronaut.settlement;

import com.flashdeal.order.sql.SettlementsSql;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.UUID;

/** The statements of {@code sql/settlements.sql} (constants from order-core). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SettlementQueries extends GenericRepository<SettlementQueries.Row, UUID> {

  /** One settled order id. */
  @Introspected
  record Row(UUID orderId, String outcome) {}

  /** orderIds: a PostgreSQL array literal of uuids (SqlArrays). */
  @Query(SettlementsSql.ABANDON_UNSETTLED)
  long abandonUnsettled(String orderIds);

  @Query(SettlementsSql.FIND_SETTLEMENTS)
  List<Row> findSettlements(String orderIds);
}
