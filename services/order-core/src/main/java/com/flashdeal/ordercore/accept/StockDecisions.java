package com.flashdeal.ordercore.accept;

import com.flashdeal.servicecore.messaging.Messages;
import com.flashdeal.servicecore.messaging.Messages.StockDecided;
import com.flashdeal.servicecore.messaging.PoisonMessageException;
import com.flashdeal.servicecore.messaging.QueueConsumer;

/**
 * Applies product-service's decisions to PENDING orders: CONFIRMED with the reservation's price, or
 * REJECTED with its code. Idempotent: a redelivered decision finds the order decided and changes
 * nothing. A decision about an order that does not exist is poison (the order is committed before
 * its message can leave), so it is dead-lettered for a person to look at.
 */
public final class StockDecisions implements QueueConsumer.Handler {
  private final AcceptedOrderStore orders;

  public StockDecisions(AcceptedOrderStore orders) {
    this.orders = orders;
  }

  @Override
  public void handle(String messageId, byte[] body) {
    StockDecided decision = Messages.read(body, StockDecided.class);
    if (!orders.apply(decision) && !orders.exists(decision.orderId())) {
      throw new PoisonMessageException("a stock decision for unknown order " + decision.orderId());
    }
  }
}
