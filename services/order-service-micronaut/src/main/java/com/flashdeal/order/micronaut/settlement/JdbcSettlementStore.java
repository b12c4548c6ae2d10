package com.flashdeal.order.micronaut.settlement;

import com.flashdeal.order.micronaut.web.ThreadModel;
import com.flashdeal.ordercore.settlement.SettlementStore;
import com.flashdeal.servicecore.sql.SqlArrays;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** order-core's {@link SettlementStore} on {@link SettlementQueries}. */
@Singleton
class JdbcSettlementStore implements SettlementStore {
  private final SettlementQueries queries;

  JdbcSettlementStore(SettlementQueries queries) {
    this.queries = queries;
  }

  @Override
  public Map<UUID, String> settle(Collection<UUID> orderIds) {
    ThreadModel.requireBlockingThread();
    String ids = SqlArrays.uuids(orderIds);
    queries.abandonUnsettled(ids);
    Map<UUID, String> outcomes = new LinkedHashMap<>();
    queries.findSettlements(ids).forEach(row -> outcomes.put(row.orderId(), row.outcome()));
    return outcomes;
  }
}
