package com.flashdeal.order.checkout;

import com.flashdeal.contract.order.api.CheckoutApi;
import com.flashdeal.contract.order.model.CreateOrderRequest;
import com.flashdeal.contract.order.model.Order;
import com.flashdeal.ordercore.checkout.AcceptService;
import com.flashdeal.ordercore.checkout.CheckoutService;
import com.flashdeal.servicecore.security.VerifiedUser;
import com.flashdeal.servicedefaults.security.CurrentUser;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The contract's {@code createOrder}: the caller orders units of a hot deal. */
@RestController
class CheckoutController implements CheckoutApi {
  private final CheckoutService checkout;
  private final AcceptService accept;

  /**
   * @param accept present in the asynchronous flow (Phase 5): orders are accepted (202), not placed
   */
  CheckoutController(CheckoutService checkout, ObjectProvider<AcceptService> accept) {
    this.checkout = checkout;
    this.accept = accept.getIfAvailable();
  }

  @Override
  public ResponseEntity<Order> createOrder(String idempotencyKey, CreateOrderRequest request) {
    VerifiedUser user = CurrentUser.require();
    var placed =
        accept != null
            ? accept.accept(
                user.id(),
                CurrentUser.bearerToken(),
                idempotencyKey,
                request.getDealId(),
                request.getQuantity())
            : checkout.place(
                user.id(),
                CurrentUser.bearerToken(),
                idempotencyKey,
                request.getDealId(),
                request.getQuantity());
    Order order = placed.order().toApi();
    var response =
        ResponseEntity.status(accept != null ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
            .location(URI.create("/orders/" + order.getId()));
    if (placed.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(order);
  }
}
