package com.flashdeal.ordercore.stock;

import com.flashdeal.contract.product.model.Reservation;
import java.util.UUID;

/**
 * What the synchronous order path asks of the stock's owner: hold units for an order id, give them
 * back. {@link ProductClient} is the real one (product-service's internal API); tests use fakes.
 */
public interface StockReservations {

  /**
   * Idempotent by order id: a repeat gets the reservation it already holds.
   *
   * @throws com.flashdeal.servicecore.problem.ApiException with the contract's code for refusals
   *     (409 SOLD_OUT/LIMIT_EXCEEDED/DEAL_NOT_ACTIVE, 404) and 503 when the owner cannot be reached
   * @throws ProductClient.ReserveTimedOut when no answer came in time
   * @throws ProductClient.ReservedForAnotherRequest when this order id was reserved for another
   *     request
   */
  Reservation reserve(long dealId, UUID orderId, UUID userId, int quantity, String endUserToken);

  /** Gives back what this order id holds, if anything (idempotent). */
  void release(UUID orderId);
}
