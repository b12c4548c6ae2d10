package com.flashdeal.ordercore.settlement;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Settling order ids: for product-service's reaper (the internal settlement operation) and from
 * inside this service (checkout), with the same statements.
 */
public class Settlements {
  private final SettlementStore store;

  public Settlements(SettlementStore store) {
    this.store = store;
  }

  /** Settles every unsettled id as ABANDONED, then returns the outcome of each. */
  public Map<UUID, String> settle(Collection<UUID> orderIds) {
    store.abandonUnsettled(orderIds);
    return store.outcomes(orderIds);
  }

  /**
   * Settles the id as ABANDONED unless its order exists.
   *
   * @return true when it is abandoned now (no order can ever be written for it), false when its
   *     order exists
   */
  public boolean abandon(UUID orderId) {
    return "ABANDONED".equals(settle(List.of(orderId)).get(orderId));
  }
}
