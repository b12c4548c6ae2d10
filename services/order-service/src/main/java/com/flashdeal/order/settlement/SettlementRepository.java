package com.flashdeal.order.settlement;

import com.flashdeal.order.sql.SettlementsSql;
import com.flashdeal.ordercore.settlement.SettlementStore;
import com.flashdeal.servicecore.sql.SqlArrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** order-core's {@link SettlementStore}: statements from sql/settlements.sql. */
@Repository
class SettlementRepository implements SettlementStore {
  private final JdbcClient jdbc;

  SettlementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void abandonUnsettled(Collection<UUID> orderIds) {
    jdbc.sql(SettlementsSql.ABANDON_UNSETTLED)
        .param("orderIds", SqlArrays.uuids(orderIds))
        .update();
  }

  @Override
  public Map<UUID, String> outcomes(Collection<UUID> orderIds) {
    Map<UUID, String> outcomes = new LinkedHashMap<>();
    jdbc.sql(SettlementsSql.FIND_SETTLEMENTS)
        .param("orderIds", SqlArrays.uuids(orderIds))
        .query(
            (rs, row) ->
                outcomes.put(rs.getObject("order_id", UUID.class), rs.getString("outcome")))
        .list();
    return outcomes;
  }
}
