package com.flashdeal.order.micronaut.settlement;

import com.flashdeal.order.micronaut.web.ThreadModel;
import com.flashdeal.ordercore.settlement.SettlementStore;
import com.flashdeal.servicecore.sql.SqlArrays;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** order-core's {@link SettlementStore} on {@link SettlementQueries}. */
@Singleton
class JdbcSettlementStore implements SettlementStore {
  private final SettlementQueries queries;

  JdbcSettlementStore(SettlementQueries queries) {
    this.queries = queries;
  }

  @Override
  public void abandonUnsettled(Collection<UUID> orderIds) {
    ThreadModel.requireBlockingThread();
    queries.abandonUnsettled(SqlArrays.uuids(orderIds));
  }

  @Override
  public Map<UUID, String> outcomes(Collection<UUID> orderIds) {
    ThreadModel.requireBlockingThread();
    return queries.findSettlements(SqlArrays.uuids(orderIds)).stream()
        .collect(
            Collectors.toMap(
                SettlementQueries.Row::orderId,
                SettlementQueries.Row::outcome,
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }
}
