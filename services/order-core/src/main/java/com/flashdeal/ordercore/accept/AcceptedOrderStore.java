package com.flashdeal.ordercore.accept;

import com.flashdeal.ordercore.orders.OrderRecord;
import com.flashdeal.servicecore.messaging.Messages.StockDecided;
import com.flashdeal.servicecore.messaging.Outbox;
import java.util.UUID;

/** The asynchronous path's statements ({@code sql/outbox.sql}); also the relay's outbox. */
public interface AcceptedOrderStore extends Outbox {
  /**
   * Writes the PENDING order, its settlement and its outbox row in one statement.
   *
   * @throws com.flashdeal.ordercore.orders.DuplicateOrderException when a unique constraint refused
   *     it
   */
  void insertPending(OrderRecord order, String idempotencyKey);

  /** Applies a decision to a PENDING order; false when the order was not PENDING (a repeat). */
  boolean apply(StockDecided decision);

  boolean exists(UUID orderId);
}
