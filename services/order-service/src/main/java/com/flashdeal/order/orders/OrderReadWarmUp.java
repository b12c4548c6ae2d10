package com.flashdeal.order.orders;

import com.flashdeal.servicedefaults.warmup.WarmUpCall;
import com.flashdeal.servicedefaults.warmup.WarmUpPlan;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A buyer's read of an order (how a buyer whose answer was lost learns the outcome), warmed before
 * the service reports ready; the order does not exist, so the answer is 404.
 */
@Component
class OrderReadWarmUp implements WarmUpPlan {
  @Override
  public List<WarmUpCall> calls() {
    return List.of(WarmUpCall.buyerGet(() -> "/orders/" + UUID.randomUUID()));
  }
}
