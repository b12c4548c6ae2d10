package com.flashdeal.order.orders;

import com.flashdeal.contract.order.api.OrdersApi;
import com.flashdeal.contract.order.model.Order;
import com.flashdeal.contract.order.model.OrderPage;
import com.flashdeal.ordercore.orders.OrderRecord;
import com.flashdeal.servicecore.problem.ApiException;
import com.flashdeal.servicecore.web.Paging;
import com.flashdeal.servicedefaults.security.CurrentUser;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract's order reads (placing one is checkout's); every read is scoped to the caller
 * (another user's order is a 404).
 */
@RestController
class OrderController implements OrdersApi {
  private final OrderRepository orders;

  OrderController(OrderRepository orders) {
    this.orders = orders;
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
