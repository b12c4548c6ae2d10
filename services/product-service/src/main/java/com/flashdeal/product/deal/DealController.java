package com.flashdeal.product.deal;

import com.flashdeal.contract.product.api.DealsApi;
import com.flashdeal.contract.product.model.CreateDealRequest;
import com.flashdeal.contract.product.model.Deal;
import com.flashdeal.contract.product.model.DealPage;
import com.flashdeal.product.ProductProperties;
import com.flashdeal.product.cache.CatalogKeys;
import com.flashdeal.product.cache.ReadCache;
import com.flashdeal.servicecore.problem.ApiException;
import com.flashdeal.servicecore.web.Paging;
import com.flashdeal.servicedefaults.security.CurrentUser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The contract's deal operations. */
@RestController
class DealController implements DealsApi {
  /** Every cached page of active deals: creating a deal empties it. */
  static final String ACTIVE_PAGES = "fd:deals:active:pages";

  private final DealService service;
  private final DealRepository deals;
  private final ReadCache cache;
  private final Duration ttl;
  private final Clock clock;

  DealController(
      DealService service,
      DealRepository deals,
      ReadCache cache,
      ProductProperties properties,
      Clock clock) {
    this.service = service;
    this.deals = deals;
    this.cache = cache;
    this.ttl = properties.cache().dealTtl();
    this.clock = clock;
  }

  /** One page of active deals as it is cached (status is derived again at every read). */
  record ActivePage(List<DealRecord> items, long total) {}

  @Override
  public ResponseEntity<Deal> createDeal(CreateDealRequest request) {
    CurrentUser.requireRole("ADMIN");
    DealRecord created = service.create(request);
    // After the commit: a reader in between would cache the state before it.
    cache.evictGroup(ACTIVE_PAGES);
    cache.evict(CatalogKeys.product(created.productId()));
    return ResponseEntity.created(URI.create("/deals/" + created.id()))
        .body(created.toApi(clock.instant()));
  }

  @Override
  public ResponseEntity<DealPage> listActiveDeals(Integer page, Integer size) {
    Paging paging = Paging.of(page, size);
    Instant now = clock.instant();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, clock.getZone());
    ActivePage cached =
        cache.get(
            "fd:deals:active:" + paging.size() + ":" + paging.offset(),
            ACTIVE_PAGES,
            ttl,
            ActivePage.class,
            () ->
                new ActivePage(
                    deals.listActive(at, paging.size(), paging.offset()), deals.countActive(at)));
    var items = cached.items().stream().map(d -> d.toApi(now)).toList();
    return ResponseEntity.ok(new DealPage(items, paging.meta(cached.total())));
  }

  @Override
  public ResponseEntity<Deal> getDeal(Long dealId) {
    DealRecord deal =
        cache.get(
            "fd:deal:" + dealId, ttl, DealRecord.class, () -> deals.find(dealId).orElse(null));
    if (deal == null) {
      throw ApiException.notFound("No deal with id " + dealId + ".");
    }
    return ResponseEntity.ok(deal.toApi(clock.instant()));
  }
}
