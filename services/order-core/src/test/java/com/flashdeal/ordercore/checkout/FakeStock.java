package com.flashdeal.ordercore.checkout;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.common.model.Money;
import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.contract.product.model.ReservationStatus;
import com.flashdeal.ordercore.stock.StockReservations;
import com.flashdeal.servicecore.problem.ApiException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** product-service's stock of one product in memory: units per deal, reservations by order id. */
final class FakeStock implements StockReservations {
  final Map<Long, Integer> units = new HashMap<>();
  final Map<UUID, Integer> held = new HashMap<>();
  int calls;

  @Override
  public Reservation reserve(
      long dealId, UUID orderId, UUID userId, int quantity, String endUserToken) {
    calls++;
    if (!held.containsKey(orderId)) {
      int left = units.getOrDefault(dealId, 0);
      if (left < quantity) {
        throw ApiException.conflict(
            ErrorCode.SOLD_OUT, "Deal " + dealId + " has not enough units left.");
      }
      units.put(dealId, left - quantity);
      held.put(orderId, quantity);
    }
    return new Reservation(
        orderId,
        dealId,
        7L,
        userId,
        quantity,
        new Money(990L, "EUR"),
        ReservationStatus.RESERVED,
        OffsetDateTime.now());
  }

  @Override
  public void release(UUID orderId) {
    held.remove(orderId);
  }

  /** A unit comes back (the reaper, a compensation). */
  void giveBack(long dealId, int n) {
    units.merge(dealId, n, Integer::sum);
  }
}
