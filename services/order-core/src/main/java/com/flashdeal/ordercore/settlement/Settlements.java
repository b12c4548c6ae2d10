package com.flashdeal.ordercore.settlement;

import java.util.List;
import java.util.UUID;

/** Settling one order id from inside this service (checkout), with the reaper's statements. */
public class Settlements {
  private final SettlementStore store;

  public Settlements(SettlementStore store) {
    this.store = store;
  }

  /**
   * Settles the id as ABANDONED unless its order exists.
   *
   * @return true when it is abandoned now (no order can ever be written for it), false when its
   *     order exists
   */
  public boolean abandon(UUID orderId) {
    return "ABANDONED".equals(store.settle(List.of(orderId)).get(orderId));
  }
}
