package com.flashdeal.order.orders;

import com.flashdeal.contract.order.api.OrdersApi;
import com.flashdeal.contract.order.model.CreateOrderRequest;
import com.flashdeal.contract.order.model.Order;
import com.flashdeal.contract.order.model.OrderPage;
import com.flashdeal.order.checkout.CheckoutService;
import com.flashdeal.servicedefaults.problem.ApiException;
import com.flashdeal.servicedefaults.security.CurrentUser;
import com.flashdeal.servicedefaults.security.VerifiedUser;
import com.flashdeal.servicedefaults.web.Paging;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract's order operations; every read is scoped to the caller (another user's order is a
 * 404).
 */
@RestController
class OrderController implements OrdersApi {
  private final CheckoutService checkout;
  private final OrderRepository orders;

  OrderController(CheckoutService checkout, OrderRepository orders) {
    this.checkout = checkout;
    this.orders = orders;
  }

  @Override
  public ResponseEntity<Order> createOrder(String idempotencyKey, CreateOrderRequest request) {
    VerifiedUser user = CurrentUser.require();
    var placed =
        checkout.place(
            user.id(),
            CurrentUser.bearerToken(),
            idempotencyKey,
            request.getDealId(),
            request.getQuantity());
    Order order = placed.order().toApi();
    var response =
        ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/orders/" + order.getId()));
    if (placed.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(order);
  }

  @Override
  public ResponseEntity<Order> getOwnOrder(UUID orderId) {
    return ResponseEntity.ok(
        orders
            .findOwn(orderId, CurrentUser.require().id())
            .orElseThrow(() -> ApiException.notFound("No order " + orderId + "."))
            .toApi());
  }

  @Override
  public ResponseEntity<OrderPage> listOwnOrders(Integer page, Integer size) {
    UUID user = CurrentUser.require().id();
    Paging paging = Paging.of(page, size);
    var items =
        orders.listOwn(user, paging.size(), paging.offset()).stream()
            .map(OrderRecord::toApi)
            .toList();
    return ResponseEntity.ok(new OrderPage(items, paging.meta(orders.countOwn(user))));
  }
}
