package com.flashdeal.ordercore.stock;

import com.flashdeal.contract.product.model.Deal;
import java.util.UUID;

/**
 * What the asynchronous order path asks of the stock's owner before it accepts an order: the deal's
 * terms, and (with the stock gate) whether units can be held for it. {@link ProductClient} is the
 * real one; tests use fakes.
 */
public interface StockAdmission {

  /**
   * @throws com.flashdeal.servicecore.problem.ApiException 404 for an unknown deal, 503 when the
   *     owner cannot answer
   */
  Deal deal(long dealId, String endUserToken);

  /**
   * Holds the units for this order id at the stock gate (idempotent by order id).
   *
   * @throws com.flashdeal.servicecore.problem.ApiException with the contract's code for refusals
   *     (409 SOLD_OUT/LIMIT_EXCEEDED/DEAL_NOT_ACTIVE, 404) and 503 when the owner cannot answer
   * @throws ProductClient.ReservedForAnotherRequest when this order id was admitted for another
   *     request
   */
  void admit(long dealId, UUID orderId, UUID userId, int quantity, String endUserToken);
}
