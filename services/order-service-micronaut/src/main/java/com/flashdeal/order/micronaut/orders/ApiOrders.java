package com.flashdeal.order.micronaut.orders;

import com.flashdeal.order.micronaut.model.ErrorCode;
import com.flashdeal.order.micronaut.model.Money;
import com.flashdeal.order.micronaut.model.Order;
import com.flashdeal.order.micronaut.model.OrderStatus;
import com.flashdeal.ordercore.orders.OrderRecord;

/**
 * An order as the contract shows it, in the models generated for Micronaut (serde, compile-time
 * introspection) from the same spec as the Spring ones; the same fields as {@link
 * OrderRecord#toApi()}.
 */
public final class ApiOrders {
  private ApiOrders() {}

  public static Order of(OrderRecord r) {
    Order order =
        new Order(
            r.id(),
            r.dealId(),
            r.productId(),
            r.quantity(),
            new Money(r.unitPriceMinor(), r.currency()),
            new Money(r.unitPriceMinor() * r.quantity(), r.currency()),
            OrderStatus.fromValue(r.status()),
            r.createdAt(),
            r.updatedAt());
    if (r.rejectionCode() != null) {
      order.setRejectionCode(ErrorCode.fromValue(r.rejectionCode()));
    }
    return order;
  }
}
