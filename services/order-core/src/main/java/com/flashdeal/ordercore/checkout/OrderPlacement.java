package com.flashdeal.ordercore.checkout;

import com.flashdeal.ordercore.orders.OrderRecord;
import java.util.UUID;

/**
 * How an order is placed, chosen once in configuration ({@code flashdeal.order.flow}): decided
 * before the answer ({@link CheckoutService}, 201) or accepted and decided later from the queue
 * ({@link AcceptService}, 202). The controllers know only this.
 */
public interface OrderPlacement {

  /** The order and whether it replays an earlier request with the same idempotency key. */
  record Placed(OrderRecord order, boolean replayed) {}

  /**
   * @throws com.flashdeal.servicecore.problem.ApiException for every refusal, with the contract's
   *     status and code
   */
  Placed place(UUID userId, String token, String idempotencyKey, long dealId, int quantity);

  /** Whether the answer is an acceptance (202, decided later) rather than the decision (201). */
  boolean decidesLater();
}
