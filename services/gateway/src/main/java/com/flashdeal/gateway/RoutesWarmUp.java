package com.flashdeal.gateway;

import com.flashdeal.servicedefaults.warmup.WarmUp;
import com.flashdeal.servicedefaults.warmup.WarmUpCall;
import com.flashdeal.servicedefaults.warmup.WarmUpPlan;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The gateway's part of every buyer's request, warmed before it reports ready: the token verified,
 * the route matched, the request forwarded and the answer streamed back. The upstream services
 * refuse the warm-up's tokens (401: the key is this process's own), which costs them no more than
 * any refusal, and the reads chosen are not rate-limited, so no buyer's bucket is spent.
 */
@Component
class RoutesWarmUp implements WarmUpPlan {
  @Override
  public List<WarmUpCall> calls() {
    return List.of(
        WarmUpCall.buyerGet(() -> "/deals/" + WarmUp.DEAL),
        WarmUpCall.buyerGet(() -> "/orders/" + UUID.randomUUID()));
  }
}
