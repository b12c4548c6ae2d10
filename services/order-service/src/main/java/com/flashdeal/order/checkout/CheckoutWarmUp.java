package com.flashdeal.order.checkout;

import com.flashdeal.ordercore.checkout.SoldOutDeals;
import com.flashdeal.servicedefaults.warmup.WarmUp;
import com.flashdeal.servicedefaults.warmup.WarmUpCall;
import com.flashdeal.servicedefaults.warmup.WarmUpPlan;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

/**
 * The answer nine buyers in ten get, warmed before the service reports ready: an order refused as
 * SOLD_OUT by this service (the buyer's earlier orders looked up, then the deal found among those
 * product-service just refused). The warm-up's deal is held refused while the warm-up runs, so no
 * call reaches product-service and nothing is written. Synchronous flow only: the asynchronous one
 * accepts an order with a write.
 */
public class CheckoutWarmUp implements WarmUpPlan {
  private final SoldOutDeals soldOut;

  public CheckoutWarmUp(SoldOutDeals soldOut) {
    this.soldOut = soldOut;
  }

  @Override
  public List<WarmUpCall> calls() {
    if (!soldOut.enabled()) {
      return List.of(); // no early refusal to warm: the order would go to product-service
    }
    return List.of(
        caller ->
            HttpRequest.newBuilder(caller.publicUri("/orders"))
                .header("Authorization", "Bearer " + caller.userToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"dealId\":" + WarmUp.DEAL + ",\"quantity\":1}"))
                .build());
  }

  @Override
  public void before() {
    soldOut.hold(WarmUp.DEAL);
  }

  @Override
  public void after() {
    soldOut.release(WarmUp.DEAL);
  }
}
