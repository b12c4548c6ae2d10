package com.flashdeal.order.micronaut.settlement;

import com.flashdeal.order.micronaut.api.SettlementsApi;
import com.flashdeal.order.micronaut.model.SettleRequest;
import com.flashdeal.order.micronaut.model.SettleResponse;
import com.flashdeal.order.micronaut.model.Settlement;
import com.flashdeal.order.micronaut.model.SettlementOutcome;
import com.flashdeal.order.micronaut.web.Guard;
import com.flashdeal.ordercore.settlement.Settlements;
import com.flashdeal.servicecore.problem.ApiException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashSet;
import java.util.Set;

/** The contract's internal settlement operation, for product-service's service token only. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SettlementController implements SettlementsApi {
  static final Set<String> CALLERS = Set.of("product-service");

  private final Settlements settlements;

  SettlementController(Settlements settlements) {
    this.settlements = settlements;
  }

  @Override
  public HttpResponse<SettleResponse> settleOrders(SettleRequest request) {
    Guard.caller(ServerRequestContext.currentRequest().orElseThrow()).requireService(CALLERS);
    if (new HashSet<>(request.getOrderIds()).size() != request.getOrderIds().size()) {
      // The contract's uniqueItems (the generated model holds a list, see the pom).
      throw ApiException.invalidField("orderIds", "the items of this array must be unique");
    }
    var outcomes = settlements.settle(request.getOrderIds());
    return HttpResponse.ok(
        new SettleResponse(
            request.getOrderIds().stream()
                .map(id -> new Settlement(id, SettlementOutcome.fromValue(outcomes.get(id))))
                .toList()));
  }
}
