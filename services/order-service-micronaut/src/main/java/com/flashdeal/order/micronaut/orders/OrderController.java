package com.flashdeal.order.micronaut.orders;

import com.flashdeal.order.micronaut.api.OrdersApi;
import com.flashdeal.order.micronaut.model.Order;
import com.flashdeal.order.micronaut.model.OrderPage;
import com.flashdeal.order.micronaut.model.PageMeta;
import com.flashdeal.order.micronaut.web.Guard;
import com.flashdeal.ordercore.orders.OrderStore;
import com.flashdeal.servicecore.problem.ApiException;
import com.flashdeal.servicecore.web.Paging;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.UUID;

/**
 * The contract's order reads; every read is scoped to the caller (another user's order is a 404).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class OrderController implements OrdersApi {
  private final OrderStore orders;

  OrderController(OrderStore orders) {
    this.orders = orders;
  }

  @Override
  public HttpResponse<Order> getOwnOrder(UUID orderId) {
    UUID user =
        Guard.caller(ServerRequestContext.currentRequest().orElseThrow()).requireUser().id();
    return HttpResponse.ok(
        ApiOrders.of(
            orders
                .findOwn(orderId, user)
                .orElseThrow(() -> ApiException.notFound("No order " + orderId + "."))));
  }

  @Override
  public HttpResponse<OrderPage> listOwnOrders(Integer page, Integer size) {
    UUID user =
        Guard.caller(ServerRequestContext.currentRequest().orElseThrow()).requireUser().id();
    Paging paging = Paging.of(page, size);
    var items =
        orders.listOwn(user, paging.size(), paging.offset()).stream().map(ApiOrders::of).toList();
    long total = orders.countOwn(user);
    var meta = paging.meta(total);
    return HttpResponse.ok(
        new OrderPage(
            items,
            new PageMeta(
                meta.getNumber(), meta.getSize(), meta.getTotalElements(), meta.getTotalPages())));
  }
}
