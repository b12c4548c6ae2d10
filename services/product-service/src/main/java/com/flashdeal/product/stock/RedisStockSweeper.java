package com.flashdeal.product.stock;

import com.flashdeal.contract.order.model.Settlement;
import com.flashdeal.product.ProductProperties;
import com.flashdeal.product.reservation.OrderSettlements;
import com.flashdeal.servicecore.security.ServiceTokens;
import com.flashdeal.servicedefaults.lifecycle.PeriodicTask;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs {@link RedisStockGate#sweep} at the reaper's interval when the gate is Redis; idle
 * otherwise. Safe with several replicas: every give-back is exactly-once by order id. In the
 * asynchronous flow it settles unreserved order ids with order-service before it gives their units
 * back, as the reaper does for reservations: an accepted order waiting in the queue keeps its
 * units.
 */
@Component
class RedisStockSweeper extends PeriodicTask {
  private final StockGate gate;
  private final RedisStockGate.AcceptedOrders accepted;

  RedisStockSweeper(
      StockGate gate, ProductProperties properties, ServiceTokens tokens, ObjectMapper json) {
    super("redis-lua sweep", properties.reaper().interval());
    this.gate = gate;
    if ("async".equals(properties.orderFlow()) && properties.reaper().orderServiceUrl() != null) {
      OrderSettlements settlements = new OrderSettlements(properties.reaper(), tokens, json);
      this.accepted =
          ids ->
              settlements.settle(ids).entrySet().stream()
                  .filter(e -> e.getValue() == Settlement.OutcomeEnum.ORDERED)
                  .map(Map.Entry::getKey)
                  .collect(Collectors.toSet());
    } else {
      this.accepted = RedisStockGate.AcceptedOrders.NONE;
    }
  }

  @Override
  protected boolean enabled() {
    return gate instanceof RedisStockGate;
  }

  @Override
  protected void runOnce() {
    ((RedisStockGate) gate).sweep(accepted);
  }
}
