package com.flashdeal.order.micronaut.checkout;

import com.flashdeal.order.micronaut.api.CheckoutApi;
import com.flashdeal.order.micronaut.model.CreateOrderRequest;
import com.flashdeal.order.micronaut.model.Order;
import com.flashdeal.order.micronaut.orders.ApiOrders;
import com.flashdeal.order.micronaut.web.Guard;
import com.flashdeal.ordercore.checkout.OrderPlacement;
import com.flashdeal.servicecore.security.VerifiedUser;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;

/**
 * The contract's {@code createOrder}: the caller orders units of a hot deal (order-core's path).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class CheckoutController implements CheckoutApi {
  private final OrderPlacement placement;

  CheckoutController(OrderPlacement placement) {
    this.placement = placement;
  }

  @Override
  public HttpResponse<Order> createOrder(String idempotencyKey, CreateOrderRequest request) {
    var http = ServerRequestContext.currentRequest().orElseThrow();
    VerifiedUser user = Guard.caller(http).requireUser();
    var placed =
        placement.place(
            user.id(),
            Guard.token(http),
            idempotencyKey,
            request.getDealId(),
            request.getQuantity());
    Order order = ApiOrders.of(placed.order());
    MutableHttpResponse<Order> response =
        HttpResponse.<Order>status(
                placement.decidesLater() ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
            .headers(h -> h.location(URI.create("/orders/" + order.getId())))
            .body(order);
    if (placed.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response;
  }
}
