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

/** Statements from sql/settlements.sql. */
@Repository
class SettlementRepository implements SettlementStore {
  private final JdbcClient jdbc;

  SettlementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<UUID, String> settle(Collection<UUID> orderIds) {
    String ids = SqlArrays.uuids(orderIds);
    jdbc.sql(SettlementsSql.ABANDON_UNSETTLED).param("orderIds", ids).update();
    Map<UUID, String> outcomes = new LinkedHashMap<>();
    jdbc.sql(SettlementsSql.FIND_SETTLEMENTS)
        .param("orderIds", ids)
        .query(
            (rs, row) ->
                outcomes.put(rs.getObject("order_id", UUID.class), rs.getString("outcome")))
        .list();
    return outcomes;
  }
}
