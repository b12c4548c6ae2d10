package com.flashdeal.product.reservation;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.product.deal.DealRecord;
import com.flashdeal.product.deal.DealRepository;
import com.flashdeal.product.stock.StockStrategy;
import com.flashdeal.servicedefaults.problem.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One transaction per reservation. Order of work keeps the hot deal row locked for the shortest
 * time: idempotency insert and per-user counter first (rows private to this order / user), stock
 * last, commit right after.
 */
@Service
public class ReservationService {
  private final DealRepository deals;
  private final ReservationRepository reservations;
  private final StockStrategy stock;
  private final Clock clock;

  ReservationService(
      DealRepository deals, ReservationRepository reservations, StockStrategy stock, Clock clock) {
    this.deals = deals;
    this.reservations = reservations;
    this.stock = stock;
    this.clock = clock;
  }

  /**
   * A reservation and whether this call created it (201) or found it from an earlier identical call
   * (200).
   */
  public record Outcome(Reservation reservation, boolean created) {}

  @Transactional
  public Outcome reserve(long dealId, UUID orderId, UUID userId, int quantity) {
    DealRecord deal =
        deals
            .find(dealId)
            .orElseThrow(() -> ApiException.notFound("No deal with id " + dealId + "."));
    var inserted =
        reservations.insert(
            orderId,
            dealId,
            deal.productId(),
            userId,
            quantity,
            deal.priceMinor(),
            deal.currency());
    if (inserted.isEmpty()) {
      Reservation existing = reservations.find(orderId).orElseThrow();
      boolean same =
          existing.getDealId() == dealId
              && existing.getUserId().equals(userId)
              && existing.getQuantity() == quantity;
      if (!same) {
        throw ApiException.conflict(
            ErrorCode.RESERVATION_CONFLICT,
            "Order " + orderId + " was reserved with a different request.");
      }
      return new Outcome(existing, false);
    }
    Instant now = clock.instant();
    if (!deal.activeAt(now)) {
      throw ApiException.conflict(
          ErrorCode.DEAL_NOT_ACTIVE,
          now.isBefore(deal.startsAt().toInstant())
              ? "Deal " + dealId + " starts at " + deal.startsAt() + "."
              : "Deal " + dealId + " ended at " + deal.endsAt() + ".");
    }
    if (!reservations.addUserPurchase(dealId, userId, quantity, deal.perUserLimit())) {
      throw ApiException.conflict(
          ErrorCode.LIMIT_EXCEEDED,
          "Deal " + dealId + " allows " + deal.perUserLimit() + " unit(s) per user.");
    }
    if (!stock.take(dealId, quantity)) {
      throw ApiException.conflict(
          ErrorCode.SOLD_OUT, "Deal " + dealId + " has not enough units left.");
    }
    return new Outcome(inserted.get(), true);
  }

  /**
   * Gives the units back once; releasing again returns the already released reservation unchanged.
   */
  @Transactional
  public Reservation release(UUID orderId) {
    reservations.markReleased(orderId).ifPresent(reservations::giveBack);
    return reservations
        .find(orderId)
        .orElseThrow(() -> ApiException.notFound("No reservation for order " + orderId + "."));
  }
}
