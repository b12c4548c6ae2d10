package com.flashdeal.product.deal;

import com.flashdeal.servicedefaults.warmup.WarmUp;
import com.flashdeal.servicedefaults.warmup.WarmUpCall;
import com.flashdeal.servicedefaults.warmup.WarmUpPlan;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A buyer's read of a deal, warmed before the service reports ready: the bearer-token filter, the
 * deal's lookup in the cache and the database, the problem answer (404: the warm-up's deal does not
 * exist).
 */
@Component
class DealReadWarmUp implements WarmUpPlan {
  @Override
  public List<WarmUpCall> calls() {
    return List.of(WarmUpCall.buyerGet(() -> "/deals/" + WarmUp.DEAL));
  }
}
