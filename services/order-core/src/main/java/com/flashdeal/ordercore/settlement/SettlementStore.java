package com.flashdeal.ordercore.settlement;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Settlements in order-service's own database, by the statements of {@code sql/settlements.sql}.
 */
public interface SettlementStore {
  /** Settles every unsettled id as ABANDONED, then returns the outcome of each. */
  Map<UUID, String> settle(Collection<UUID> orderIds);
}
