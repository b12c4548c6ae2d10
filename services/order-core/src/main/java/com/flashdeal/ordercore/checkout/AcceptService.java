package com.flashdeal.ordercore.checkout;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.product.model.Deal;
import com.flashdeal.ordercore.accept.AcceptedOrderStore;
import com.flashdeal.ordercore.orders.DuplicateOrderException;
import com.flashdeal.ordercore.orders.OrderRecord;
import com.flashdeal.ordercore.orders.OrderStore;
import com.flashdeal.ordercore.stock.ProductClient;
import com.flashdeal.ordercore.stock.StockAdmission;
import com.flashdeal.servicecore.deal.DealTerms;
import com.flashdeal.servicecore.problem.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The Phase 5 order path: the order is accepted as PENDING (202) in one statement with its outbox
 * row, and product-service decides on its units from the queue. What can be refused without the
 * units — an unknown deal, a deal outside its window, more units than the per-user limit, a second
 * order for the deal, a reused key — is refused at once, as in the synchronous flow; SOLD_OUT can
 * only come later, as a REJECTED order.
 *
 * <p>A deal's terms never change once it exists, so they are read from product-service once per
 * deal and kept.
 *
 * <p>With {@code admitAtStockGate} ({@code phase5-async-redis}) product-service's stock gate (the
 * redis-lua script) holds the units for the order id before it is accepted, so that a sold-out deal
 * is refused at once (409 SOLD_OUT) instead of as a REJECTED order; the queue then turns the held
 * units into the reservation. Units held for an order that is not accepted after all (a duplicate,
 * or this process died before the insert) go back after product-service's hold.
 */
public class AcceptService implements OrderPlacement {
  private static final int MAX_KNOWN_DEALS = 10_000;

  private final OrderStore orders;
  private final AcceptedOrderStore accepted;
  private final StockAdmission products;
  private final Clock clock;
  private final Runnable committed;
  private final boolean admitAtStockGate;
  // Bounded, least recently used first out; terms never change, so nothing here goes stale.
  private final Cache<Long, Deal> knownDeals =
      Caffeine.newBuilder()
          .maximumSize(MAX_KNOWN_DEALS)
          .expireAfterAccess(Duration.ofHours(1))
          .build();

  /**
   * @param committed called after an order was written (nudges the outbox relay)
   * @param admitAtStockGate ask product-service's stock gate before accepting (SOLD_OUT at once)
   */
  public AcceptService(
      OrderStore orders,
      AcceptedOrderStore accepted,
      StockAdmission products,
      Clock clock,
      Runnable committed,
      boolean admitAtStockGate) {
    this.orders = orders;
    this.accepted = accepted;
    this.products = products;
    this.clock = clock;
    this.committed = committed;
    this.admitAtStockGate = admitAtStockGate;
  }

  @Override
  public boolean decidesLater() {
    return true;
  }

  /**
   * Optimistic: the happy path is one statement. The constraints decide the rest — a unique
   * violation means this key was used before (a replay, or 422 for another body) or the user has an
   * order for the deal (409 ALREADY_ORDERED) — so no lookup runs before the insert.
   */
  @Override
  public Placed place(UUID userId, String token, String idempotencyKey, long dealId, int quantity) {
    String fingerprint = "deal=" + dealId + ";quantity=" + quantity;
    Deal deal = terms(dealId, token);
    ApiException refused = refusal(deal, quantity);
    if (refused != null) {
      // A replay is answered as first answered, even once the deal has ended.
      var earlier = orders.findByIdempotencyKey(userId, idempotencyKey);
      if (earlier.isPresent()) {
        return CheckoutService.replay(earlier.get(), fingerprint);
      }
      throw refused;
    }
    UUID orderId = OrderIds.of(userId, idempotencyKey, 0);
    if (admitAtStockGate) {
      var retried = admit(dealId, orderId, userId, quantity, token, fingerprint, idempotencyKey);
      if (retried != null) {
        return retried;
      }
    }
    // Microseconds, as the database keeps it: the 202 and a later GET show the same instant.
    OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    OrderRecord order =
        new OrderRecord(
            orderId,
            userId,
            dealId,
            deal.getProductId(),
            quantity,
            deal.getDealPrice().getAmountMinor(),
            deal.getDealPrice().getCurrency(),
            "PENDING",
            null,
            at,
            at,
            fingerprint);
    try {
      accepted.insertPending(order, idempotencyKey);
    } catch (DuplicateOrderException e) {
      var earlier = orders.findByIdempotencyKey(userId, idempotencyKey);
      if (earlier.isPresent()) {
        return CheckoutService.replay(earlier.get(), fingerprint);
      }
      throw CheckoutService.alreadyOrdered(dealId);
    }
    committed.run();
    return new Placed(order, false);
  }

  /**
   * The stock gate's decision: null when it admitted the order, the earlier order when this is a
   * retry of one. A repeat of this key's order is admitted again (the gate knows the order id) and
   * then answered as a replay by the insert. A refusal needs a second look where the order may
   * exist: a retry of an accepted order is that order whatever the gate says now (product-service
   * down or overloaded, Redis rebuilt without it), and the per-user limit reached may be the user's
   * accepted order for the deal under another key.
   */
  private Placed admit(
      long dealId,
      UUID orderId,
      UUID userId,
      int quantity,
      String token,
      String fingerprint,
      String idempotencyKey) {
    try {
      products.admit(dealId, orderId, userId, quantity, token);
      return null;
    } catch (ProductClient.ReservedForAnotherRequest e) {
      throw new ApiException(
          422,
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was first used with a different request.");
    } catch (ApiException e) {
      var earlier = orders.findByIdempotencyKey(userId, idempotencyKey);
      if (earlier.isPresent()) {
        return CheckoutService.replay(earlier.get(), fingerprint);
      }
      if (e.code() == ErrorCode.LIMIT_EXCEEDED && orders.hasOrderForDeal(userId, dealId)) {
        throw CheckoutService.alreadyOrdered(dealId);
      }
      throw e;
    }
  }

  /** What refuses this order without its units: outside the window, over the per-user limit. */
  private ApiException refusal(Deal deal, int quantity) {
    return new DealTerms(deal.getId(), deal.getStartsAt(), deal.getEndsAt(), deal.getPerUserLimit())
        .refusal(clock.instant(), quantity);
  }

  private Deal terms(long dealId, String token) {
    return knownDeals.get(dealId, id -> products.deal(id, token));
  }
}
