package com.flashdeal.ordercore.settlement;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Settlements in order-service's own database, by the statements of {@code sql/settlements.sql}.
 */
public interface SettlementStore {
  /**
   * Settles every given id not settled yet as ABANDONED; an order insert of one of them still in
   * flight holds its key, so this waits for it and leaves it ORDERED.
   */
  void abandonUnsettled(Collection<UUID> orderIds);

  /** The outcome (ORDERED or ABANDONED) of each of these ids that is settled. */
  Map<UUID, String> outcomes(Collection<UUID> orderIds);
}
