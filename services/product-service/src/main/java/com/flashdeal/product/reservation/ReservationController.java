package com.flashdeal.product.reservation;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.product.api.ReservationsApi;
import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.contract.product.model.ReserveRequest;
import com.flashdeal.servicecore.problem.ApiException;
import com.flashdeal.servicecore.security.JwtVerifier;
import com.flashdeal.servicecore.security.TokenRejectedException;
import com.flashdeal.servicecore.security.VerifiedUser;
import com.flashdeal.servicedefaults.security.CurrentUser;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract's internal reservation operations: never routed by the gateway, and only for
 * order-service's service token. A reservation is made only for the user whose own token comes with
 * it, so a compromised or buggy caller cannot buy on someone else's behalf.
 */
@RestController
class ReservationController implements ReservationsApi {
  static final Set<String> CALLERS = Set.of("order-service");

  private final ReservationService service;
  private final JwtVerifier verifier;

  ReservationController(ReservationService service, JwtVerifier verifier) {
    this.service = service;
    this.verifier = verifier;
  }

  @Override
  public ResponseEntity<Reservation> reserveStock(
      Long dealId, String xEndUserToken, ReserveRequest request) {
    CurrentUser.requireService(CALLERS);
    requireBuyer(xEndUserToken, request.getUserId());
    var outcome =
        service.reserve(dealId, request.getOrderId(), request.getUserId(), request.getQuantity());
    return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(outcome.reservation());
  }

  @Override
  public ResponseEntity<Void> admitOrder(
      Long dealId, String xEndUserToken, ReserveRequest request) {
    CurrentUser.requireService(CALLERS);
    requireBuyer(xEndUserToken, request.getUserId());
    service.admit(dealId, request.getOrderId(), request.getUserId(), request.getQuantity());
    return ResponseEntity.noContent().build();
  }

  @Override
  public ResponseEntity<Reservation> releaseReservation(UUID orderId) {
    CurrentUser.requireService(CALLERS);
    return ResponseEntity.ok(service.release(orderId));
  }

  private void requireBuyer(String endUserToken, UUID userId) {
    VerifiedUser buyer;
    try {
      buyer = verifier.verify(endUserToken);
    } catch (TokenRejectedException e) {
      throw new ApiException(
          HttpStatus.FORBIDDEN.value(),
          ErrorCode.FORBIDDEN,
          "The end user's token was rejected: " + e.getMessage() + ".");
    }
    if (buyer.isService() || !buyer.id().equals(userId)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN.value(),
          ErrorCode.FORBIDDEN,
          "A reservation is made only for the user whose token comes with it.");
    }
  }
}
