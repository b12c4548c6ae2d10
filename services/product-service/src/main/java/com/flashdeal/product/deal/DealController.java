package com.flashdeal.product.deal;

import com.flashdeal.contract.product.api.DealsApi;
import com.flashdeal.contract.product.model.CreateDealRequest;
import com.flashdeal.contract.product.model.Deal;
import com.flashdeal.contract.product.model.DealPage;
import com.flashdeal.servicedefaults.problem.ApiException;
import com.flashdeal.servicedefaults.security.CurrentUser;
import com.flashdeal.servicedefaults.web.Paging;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The contract's deal operations. */
@RestController
class DealController implements DealsApi {
  private final DealService service;
  private final DealRepository deals;
  private final Clock clock;

  DealController(DealService service, DealRepository deals, Clock clock) {
    this.service = service;
    this.deals = deals;
    this.clock = clock;
  }

  @Override
  public ResponseEntity<Deal> createDeal(CreateDealRequest request) {
    CurrentUser.requireRole("ADMIN");
    DealRecord created = service.create(request);
    return ResponseEntity.created(URI.create("/deals/" + created.id()))
        .body(created.toApi(clock.instant()));
  }

  @Override
  public ResponseEntity<DealPage> listActiveDeals(Integer page, Integer size) {
    Paging paging = Paging.of(page, size);
    Instant now = clock.instant();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, clock.getZone());
    var items =
        deals.listActive(at, paging.size(), paging.offset()).stream()
            .map(d -> d.toApi(now))
            .toList();
    return ResponseEntity.ok(new DealPage(items, paging.meta(deals.countActive(at))));
  }

  @Override
  public ResponseEntity<Deal> getDeal(Long dealId) {
    return ResponseEntity.ok(
        deals
            .find(dealId)
            .orElseThrow(() -> ApiException.notFound("No deal with id " + dealId + "."))
            .toApi(clock.instant()));
  }
}
