package com.flashdeal.order.checkout;

import com.flashdeal.contract.order.api.CheckoutApi;
import com.flashdeal.contract.order.model.CreateOrderRequest;
import com.flashdeal.contract.order.model.Order;
import com.flashdeal.ordercore.checkout.OrderPlacement;
import com.flashdeal.servicecore.security.VerifiedUser;
import com.flashdeal.servicedefaults.security.CurrentUser;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The contract's {@code createOrder}: the caller orders units of a hot deal. */
@RestController
class CheckoutController implements CheckoutApi {
  private final OrderPlacement placement;

  /**
   * @param placement decided here (201) or accepted to be decided later (202, Phase 5)
   */
  CheckoutController(OrderPlacement placement) {
    this.placement = placement;
  }

  @Override
  public ResponseEntity<Order> createOrder(String idempotencyKey, CreateOrderRequest request) {
    VerifiedUser user = CurrentUser.require();
    var placed =
        placement.place(
            user.id(),
            CurrentUser.bearerToken(),
            idempotencyKey,
            request.getDealId(),
            request.getQuantity());
    Order order = placed.order().toApi();
    var response =
        ResponseEntity.status(placement.decidesLater() ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
            .location(URI.create("/orders/" + order.getId()));
    if (placed.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(order);
  }
}
