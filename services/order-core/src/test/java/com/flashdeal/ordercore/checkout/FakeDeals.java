package com.flashdeal.ordercore.checkout;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.common.model.Money;
import com.flashdeal.contract.product.model.Deal;
import com.flashdeal.contract.product.model.DealStatus;
import com.flashdeal.ordercore.stock.StockAdmission;
import com.flashdeal.servicecore.problem.ApiException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** product-service's deals and stock gate in memory, counting how often it is asked. */
final class FakeDeals implements StockAdmission {
  final Map<Long, Deal> deals = new HashMap<>();
  final Map<Long, Integer> units = new HashMap<>();
  final Map<UUID, Integer> held = new HashMap<>();
  int termsAsked;
  int admitsAsked;

  void open(long id, OffsetDateTime startsAt, OffsetDateTime endsAt, int limit, int stock) {
    deals.put(
        id,
        new Deal(
            id,
            7L,
            "Deal " + id,
            new Money(990L, "EUR"),
            stock,
            stock,
            startsAt,
            endsAt,
            limit,
            DealStatus.ACTIVE));
    units.put(id, stock);
  }

  @Override
  public Deal deal(long dealId, String endUserToken) {
    termsAsked++;
    Deal d = deals.get(dealId);
    if (d == null) {
      throw ApiException.notFound("No deal with id " + dealId + ".");
    }
    return d;
  }

  @Override
  public void admit(long dealId, UUID orderId, UUID userId, int quantity, String endUserToken) {
    admitsAsked++;
    if (held.containsKey(orderId)) {
      return;
    }
    int left = units.getOrDefault(dealId, 0);
    if (left < quantity) {
      throw ApiException.conflict(
          ErrorCode.SOLD_OUT, "Deal " + dealId + " has not enough units left.");
    }
    units.put(dealId, left - quantity);
    held.put(orderId, quantity);
  }
}
