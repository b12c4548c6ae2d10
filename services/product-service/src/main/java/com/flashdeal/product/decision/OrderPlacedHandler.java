package com.flashdeal.product.decision;

import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.contract.product.model.ReservationStatus;
import com.flashdeal.product.reservation.ReservationService;
import com.flashdeal.servicecore.messaging.Messages;
import com.flashdeal.servicecore.messaging.Messages.OrderPlaced;
import com.flashdeal.servicecore.messaging.PoisonMessageException;
import com.flashdeal.servicecore.messaging.QueueConsumer;
import com.flashdeal.servicecore.problem.ApiException;

/**
 * Decides on one accepted order: reserves its units through the same {@link ReservationService} as
 * the synchronous API (every stock strategy, idempotent by order id), then records the decision,
 * which its relay publishes. Redelivery-safe at every step:
 *
 * <ul>
 *   <li>a decision already recorded: nothing is done again (the relay has it);
 *   <li>reserved, then died before recording: the repeat finds the reservation (same order id) and
 *       records it;
 *   <li>refused, then died before recording: the repeat decides afresh, and nothing was published.
 * </ul>
 *
 * A refusal (409 SOLD_OUT, LIMIT_EXCEEDED, DEAL_NOT_ACTIVE, or 404 for a deal that does not exist)
 * is a decision; anything else (database away, 503) is a failure, and the message is redelivered.
 */
final class OrderPlacedHandler implements QueueConsumer.Handler {
  private final ReservationService reservations;
  private final DecisionRepository decisions;
  private final Runnable decided;

  OrderPlacedHandler(
      ReservationService reservations, DecisionRepository decisions, Runnable decided) {
    this.reservations = reservations;
    this.decisions = decisions;
    this.decided = decided;
  }

  @Override
  public void handle(String messageId, byte[] body) {
    OrderPlaced order = Messages.read(body, OrderPlaced.class);
    if (decisions.has(order.orderId())) {
      return;
    }
    Reservation reservation;
    try {
      reservation =
          reservations
              .reserve(order.dealId(), order.orderId(), order.userId(), order.quantity())
              .reservation();
    } catch (ApiException e) {
      if (e.status() != 409 && e.status() != 404) {
        throw e;
      }
      String code = e.code().getValue();
      if (!decisions.recordRejected(order.orderId(), code)) {
        // A concurrent delivery of this very order reserved it in the meantime: record that.
        recordReserved(reservations.find(order.orderId()));
      }
      decided.run();
      return;
    }
    recordReserved(reservation);
    decided.run();
  }

  private void recordReserved(Reservation reservation) {
    if (reservation.getStatus() == ReservationStatus.RELEASED) {
      // Units of an accepted order go back only if order-service settled it as abandoned, which an
      // accepted order never is: something else is wrong, and a person should look.
      throw new PoisonMessageException(
          "order " + reservation.getOrderId() + " has a released reservation");
    }
    decisions.recordReserved(
        reservation.getOrderId(),
        reservation.getUnitPrice().getAmountMinor(),
        reservation.getUnitPrice().getCurrency());
  }
}
