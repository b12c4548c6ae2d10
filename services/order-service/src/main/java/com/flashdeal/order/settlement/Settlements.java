package com.flashdeal.order.settlement;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Settling one order id from inside this service (checkout), with the reaper's statements. */
@Service
public class Settlements {
  private final SettlementRepository repository;

  Settlements(SettlementRepository repository) {
    this.repository = repository;
  }

  /**
   * Settles the id as ABANDONED unless its order exists.
   *
   * @return true when it is abandoned now (no order can ever be written for it), false when its
   *     order exists
   */
  public boolean abandon(UUID orderId) {
    return "ABANDONED".equals(repository.settle(List.of(orderId)).get(orderId));
  }
}
