package com.flashdeal.product.reservation;

import com.flashdeal.contract.product.api.ReservationsApi;
import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.contract.product.model.ReserveRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract's internal reservation operations (never routed by the gateway; still
 * token-protected).
 */
@RestController
class ReservationController implements ReservationsApi {
  private final ReservationService service;

  ReservationController(ReservationService service) {
    this.service = service;
  }

  @Override
  public ResponseEntity<Reservation> reserveStock(Long dealId, ReserveRequest request) {
    var outcome =
        service.reserve(dealId, request.getOrderId(), request.getUserId(), request.getQuantity());
    return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(outcome.reservation());
  }

  @Override
  public ResponseEntity<Reservation> releaseReservation(UUID orderId) {
    return ResponseEntity.ok(service.release(orderId));
  }
}
