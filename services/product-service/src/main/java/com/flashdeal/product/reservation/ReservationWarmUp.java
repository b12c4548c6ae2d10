package com.flashdeal.product.reservation;

import com.flashdeal.servicedefaults.warmup.WarmUp;
import com.flashdeal.servicedefaults.warmup.WarmUpCall;
import com.flashdeal.servicedefaults.warmup.WarmUpPlan;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * order-service's reservation, warmed before the service reports ready, on the internal port as
 * order-service sends it: the service token and the end user's token verified, the body read, the
 * stock strategy's entry, the deal's terms looked up. The warm-up's deal does not exist, so the
 * answer is 404 before anything is written.
 */
@Component
class ReservationWarmUp implements WarmUpPlan {
  @Override
  public List<WarmUpCall> calls() {
    return List.of(
        caller ->
            HttpRequest.newBuilder(
                    caller.internalUri("/internal/deals/" + WarmUp.DEAL + "/reservations"))
                .header("Authorization", "Bearer " + caller.serviceToken("order-service"))
                .header("X-End-User-Token", caller.userToken())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"orderId\":\"%s\",\"userId\":\"%s\",\"quantity\":1}"
                            .formatted(UUID.randomUUID(), caller.userId())))
                .build());
  }
}
