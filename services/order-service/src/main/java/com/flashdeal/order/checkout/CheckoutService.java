package com.flashdeal.order.checkout;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.order.orders.OrderRecord;
import com.flashdeal.order.orders.OrderRepository;
import com.flashdeal.order.stock.ProductClient;
import com.flashdeal.servicedefaults.problem.ApiException;
import com.flashdeal.servicedefaults.problem.ProblemAdvice;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The Phase 1 synchronous order path. There is no distributed transaction: the reservation at
 * product-service and the insert here are made consistent by compensation where the outcome is
 * known (a refused insert releases at once), and by product-service's reaper where it is not (a
 * crash, a lost answer): the reaper settles the order id with this service, and the insert writes
 * the order and its settlement in one statement, so an order either exists with its units or never
 * will without them (docs/no-leaked-stock.md).
 */
@Service
public class CheckoutService {
  static final String ONE_PER_DEAL = "customer_order_one_per_user_and_deal";
  static final String IDEMPOTENCY_KEY = "customer_order_idempotency_key";
  static final String SETTLED = "order_settlement_pkey";

  private final OrderRepository orders;
  private final ProductClient products;
  private final Clock clock;

  CheckoutService(OrderRepository orders, ProductClient products, Clock clock) {
    this.orders = orders;
    this.products = products;
    this.clock = clock;
  }

  /** The order and whether it replays an earlier request with the same idempotency key. */
  public record Placed(OrderRecord order, boolean replayed) {}

  public Placed place(UUID userId, String token, String idempotencyKey, long dealId, int quantity) {
    String fingerprint = "deal=" + dealId + ";quantity=" + quantity;
    var earlier = orders.findByIdempotencyKey(userId, idempotencyKey);
    if (earlier.isPresent()) {
      return replay(earlier.get(), fingerprint);
    }
    if (orders.hasOrderForDeal(userId, dealId)) {
      throw alreadyOrdered(dealId);
    }
    UUID orderId = UUID.randomUUID();
    Reservation reservation;
    try {
      reservation = products.reserve(dealId, orderId, userId, quantity, token);
    } catch (ProductClient.ReserveTimedOut e) {
      // It may have been reserved after all: give it back before answering (no order can exist).
      products.release(orderId);
      throw new ApiException(
          HttpStatus.GATEWAY_TIMEOUT,
          ErrorCode.UPSTREAM_TIMEOUT,
          "product-service did not answer in time; nothing was ordered.");
    }
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
    } catch (DuplicateKeyException e) {
      // Refused: no order with this id exists, so its units can go back now.
      products.release(orderId);
      String constraint = constraintOf(e);
      if (IDEMPOTENCY_KEY.equals(constraint)) {
        // The same key raced us; answer as the winner did.
        return replay(
            orders.findByIdempotencyKey(userId, idempotencyKey).orElseThrow(), fingerprint);
      }
      if (SETTLED.equals(constraint)) {
        // We took longer than the reservation's hold and the reaper settled it as abandoned.
        throw new ApiException(
            HttpStatus.SERVICE_UNAVAILABLE,
            ErrorCode.OVERLOADED,
            "The order took too long and was given up; nothing was ordered, try again shortly.");
      }
      throw alreadyOrdered(dealId);
    } catch (RuntimeException e) {
      if (ProblemAdvice.isPoolExhausted(e)) {
        // No connection: the insert never ran, so no order exists.
        products.release(orderId);
      }
      // Otherwise the outcome is unknown (the commit may have happened before the connection
      // broke): releasing could give back the units of an order that exists. The reaper settles
      // it with our database once the hold is over.
      throw e;
    }
    return new Placed(orders.findOwn(orderId, userId).orElseThrow(), false);
  }

  private static Placed replay(OrderRecord earlier, String fingerprint) {
    if (!earlier.requestFingerprint().equals(fingerprint)) {
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was first used with a different request.");
    }
    return new Placed(earlier, true);
  }

  private static ApiException alreadyOrdered(long dealId) {
    return ApiException.conflict(
        ErrorCode.ALREADY_ORDERED, "You already have an order for deal " + dealId + ".");
  }

  /**
   * The violated constraint, read from the database's message ("... unique constraint \"name\"").
   */
  private static String constraintOf(DuplicateKeyException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      for (String name : new String[] {IDEMPOTENCY_KEY, ONE_PER_DEAL, SETTLED}) {
        if (message.contains("\"" + name + "\"")) {
          return name;
        }
      }
    }
    return null;
  }
}
