package com.flashdeal.order.settlement;

import com.flashdeal.contract.order.api.SettlementsApi;
import com.flashdeal.contract.order.model.SettleRequest;
import com.flashdeal.contract.order.model.SettleResponse;
import com.flashdeal.contract.order.model.Settlement;
import com.flashdeal.ordercore.settlement.Settlements;
import com.flashdeal.servicedefaults.security.CurrentUser;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The contract's internal settlement operation, for product-service's service token only. */
@RestController
class SettlementController implements SettlementsApi {
  static final Set<String> CALLERS = Set.of("product-service");

  private final Settlements settlements;

  SettlementController(Settlements settlements) {
    this.settlements = settlements;
  }

  @Override
  public ResponseEntity<SettleResponse> settleOrders(SettleRequest request) {
    CurrentUser.requireService(CALLERS);
    Map<UUID, String> outcomes = settlements.settle(request.getOrderIds());
    return ResponseEntity.ok(
        new SettleResponse(
            request.getOrderIds().stream()
                .map(id -> new Settlement(id, Settlement.OutcomeEnum.fromValue(outcomes.get(id))))
                .toList()));
  }
}
