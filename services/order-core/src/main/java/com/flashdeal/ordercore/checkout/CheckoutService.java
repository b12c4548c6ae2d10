package com.flashdeal.ordercore.checkout;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.contract.product.model.ReservationStatus;
import com.flashdeal.ordercore.orders.DuplicateOrderException;
import com.flashdeal.ordercore.orders.OrderRecord;
import com.flashdeal.ordercore.orders.OrderStore;
import com.flashdeal.ordercore.settlement.Settlements;
import com.flashdeal.ordercore.stock.ProductClient;
import com.flashdeal.ordercore.stock.StockReservations;
import com.flashdeal.servicecore.deal.DealTerms;
import com.flashdeal.servicecore.problem.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The Phase 1 synchronous order path. There is no distributed transaction: the reservation at
 * product-service and the insert here are made consistent by compensation where the outcome is
 * known (a refused insert releases at once), and by product-service's reaper where it is not (a
 * crash, a lost answer): the reaper settles the order id with this service, and the insert writes
 * the order and its settlement in one statement, so an order either exists with its units or never
 * will without them (docs/no-leaked-stock.md).
 *
 * <p>A deal product-service just refused as SOLD_OUT is refused here for a short while ({@link
 * SoldOutDeals}), after the buyer's own orders were looked up: most answers of a sale are refusals,
 * and this one costs no write and no call.
 */
public class CheckoutService implements OrderPlacement {
  private final OrderStore orders;
  private final StockReservations products;
  private final Settlements settlements;
  private final Clock clock;
  private final SoldOutDeals soldOut;

  public CheckoutService(
      OrderStore orders,
      StockReservations products,
      Settlements settlements,
      Clock clock,
      SoldOutDeals soldOut) {
    this.orders = orders;
    this.products = products;
    this.settlements = settlements;
    this.clock = clock;
    this.soldOut = soldOut;
  }

  /**
   * At most this many attempts per key: each spent attempt is one the buyer retried after its units
   * had gone back, so a real buyer never gets near it.
   */
  static final int MAX_ATTEMPTS = 20;

  @Override
  public boolean decidesLater() {
    return false;
  }

  @Override
  public Placed place(UUID userId, String token, String idempotencyKey, long dealId, int quantity) {
    String fingerprint = "deal=" + dealId + ";quantity=" + quantity;
    // One statement, one snapshot: the order of this key if any (a replay), else another order of
    // the buyer for the deal. Two lookups raced (seen in CI with eight concurrent requests sharing
    // a key: one of them answered 409 ALREADY_ORDERED); one cannot.
    var earlier = orders.findForCheckout(userId, idempotencyKey, dealId);
    if (earlier.isPresent()) {
      if (OrderIds.isOf(earlier.get().id(), userId, idempotencyKey, MAX_ATTEMPTS)) {
        return replay(earlier.get(), fingerprint);
      }
      throw alreadyOrdered(dealId);
    }
    if (soldOut.refuses(dealId, quantity)) {
      // No order of this buyer for the deal, and product-service refused it a moment ago.
      throw DealTerms.soldOut(dealId);
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      UUID orderId = OrderIds.of(userId, idempotencyKey, attempt);
      Reservation reservation = reserve(dealId, orderId, userId, quantity, token);
      if (reservation.getStatus() == ReservationStatus.RELEASED) {
        // An earlier attempt with this key whose units went back: spent for good (settled so).
        if (!settlements.abandon(orderId)) {
          // Cannot be (units go back only when no order exists); answer as for a replay.
          return replay(
              orders.findByIdempotencyKey(userId, idempotencyKey).orElseThrow(), fingerprint);
        }
        continue;
      }
      return insert(orderId, reservation, userId, idempotencyKey, dealId, quantity, fingerprint);
    }
    throw new ApiException(
        503,
        ErrorCode.OVERLOADED,
        "This Idempotency-Key was tried too often; nothing was ordered, use a new key.");
  }

  /**
   * Reserves for this order id; a repeat (the buyer's retry) gets the reservation it already holds.
   */
  private Reservation reserve(long dealId, UUID orderId, UUID userId, int quantity, String token) {
    try {
      Reservation held = products.reserve(dealId, orderId, userId, quantity, token);
      soldOut.available(dealId);
      return held;
    } catch (ApiException e) {
      if (e.code() == ErrorCode.SOLD_OUT) {
        soldOut.soldOut(dealId, quantity);
      }
      throw e;
    } catch (ProductClient.ReserveTimedOut e) {
      // It may have been reserved after all: give it back before answering (no order can exist).
      products.release(orderId);
      throw new ApiException(
          504,
          ErrorCode.UPSTREAM_TIMEOUT,
          "product-service did not answer in time; nothing was ordered.");
    } catch (ProductClient.ReservedForAnotherRequest e) {
      throw new ApiException(
          422,
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was first used with a different request.");
    }
  }

  private Placed insert(
      UUID orderId,
      Reservation reservation,
      UUID userId,
      String idempotencyKey,
      long dealId,
      int quantity,
      String fingerprint) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OrderRecord order =
        new OrderRecord(
            orderId,
            userId,
            dealId,
            reservation.getProductId(),
            quantity,
            reservation.getUnitPrice().getAmountMinor(),
            reservation.getUnitPrice().getCurrency(),
            "CONFIRMED",
            null,
            now,
            now,
            fingerprint);
    try {
      orders.insert(order, idempotencyKey);
    } catch (DuplicateOrderException e) {
      var winner = orders.findByIdempotencyKey(userId, idempotencyKey);
      if (winner.isPresent()) {
        // The same key raced us, with the same order id: the winner's order holds these units,
        // so nothing goes back; answer as the winner did.
        return replay(winner.get(), fingerprint);
      }
      // Refused, and no order holds this id: its units can go back now.
      products.release(orderId);
      if (DuplicateOrderException.SETTLED.equals(e.constraint())) {
        // We took longer than the reservation's hold and the reaper settled it as abandoned.
        throw new ApiException(
            503,
            ErrorCode.OVERLOADED,
            "The order took too long and was given up; nothing was ordered, try again shortly.");
      }
      throw alreadyOrdered(dealId);
    } catch (RuntimeException e) {
      if (orders.neverRan(e)) {
        // No connection: the insert never ran, so no order exists.
        products.release(orderId);
      }
      // Otherwise the outcome is unknown (the commit may have happened before the connection
      // broke): releasing could give back the units of an order that exists. The buyer's retry
      // with the same key finds the order or takes over this reservation; if neither comes, the
      // reaper settles it with our database once the hold is over.
      throw e;
    }
    return new Placed(orders.findOwn(orderId, userId).orElseThrow(), false);
  }

  static Placed replay(OrderRecord earlier, String fingerprint) {
    if (!earlier.requestFingerprint().equals(fingerprint)) {
      throw new ApiException(
          422,
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was first used with a different request.");
    }
    return new Placed(earlier, true);
  }

  static ApiException alreadyOrdered(long dealId) {
    return ApiException.conflict(
        ErrorCode.ALREADY_ORDERED, "You already have an order for deal " + dealId + ".");
  }
}
