package com.flashdeal.ordercore.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.contract.common.model.ErrorCode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous order path (202 PENDING) against fakes of its database and of product-service.
 */
class AcceptServiceTest {
  private static final OffsetDateTime START =
      OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC);
  private static final Clock DURING = Clock.fixed(START.plusMinutes(5).toInstant(), ZoneOffset.UTC);

  private final FakeOrders db = new FakeOrders();
  private final FakeDeals products = new FakeDeals();
  private final AtomicInteger nudged = new AtomicInteger();

  private AcceptService service(boolean stockGate, Clock clock) {
    products.open(1, START, START.plusHours(1), 1, 2);
    return new AcceptService(db, db, products, clock, nudged::incrementAndGet, stockGate);
  }

  @Test
  void anOrderIsAcceptedPendingAndTheRelayNudged() {
    var placed = service(false, DURING).place(UUID.randomUUID(), "t", "k", 1, 1);
    assertThat(placed.order().status()).isEqualTo("PENDING");
    assertThat(placed.replayed()).isFalse();
    assertThat(nudged).hasValue(1);
  }

  @Test
  void aDealsTermsAreAskedForOnce() {
    AcceptService s = service(false, DURING);
    for (int i = 0; i < 5; i++) {
      s.place(UUID.randomUUID(), "t", "k" + i, 1, 1);
    }
    assertThat(products.termsAsked).isEqualTo(1);
  }

  @Test
  void theTermsRefuseOutsideTheWindowAndOverTheLimit() {
    Clock before = Clock.fixed(START.toInstant().minusSeconds(1), ZoneOffset.UTC);
    assertThat(
            Refusals.codeOf(() -> service(false, before).place(UUID.randomUUID(), "t", "k", 1, 1)))
        .isEqualTo(ErrorCode.DEAL_NOT_ACTIVE);
    assertThat(
            Refusals.codeOf(() -> service(false, DURING).place(UUID.randomUUID(), "t", "k", 1, 2)))
        .isEqualTo(ErrorCode.LIMIT_EXCEEDED);
  }

  @Test
  void aRetryIsAReplayAndASecondOrderOfTheBuyerIsAlreadyOrdered() {
    AcceptService s = service(false, DURING);
    UUID buyer = UUID.randomUUID();
    var first = s.place(buyer, "t", "mine", 1, 1);
    var again = s.place(buyer, "t", "mine", 1, 1);
    assertThat(again.replayed()).isTrue();
    assertThat(again.order().id()).isEqualTo(first.order().id());
    assertThat(Refusals.codeOf(() -> s.place(buyer, "t", "other", 1, 1)))
        .isEqualTo(ErrorCode.ALREADY_ORDERED);
  }

  @Test
  void aReplayIsAnsweredAsFirstAnsweredEvenOnceTheDealEnded() {
    AcceptService open = service(false, DURING);
    UUID buyer = UUID.randomUUID();
    open.place(buyer, "t", "mine", 1, 1);
    Clock after = Clock.fixed(START.plusHours(2).toInstant(), ZoneOffset.UTC);
    AcceptService ended = new AcceptService(db, db, products, after, () -> {}, false);
    assertThat(ended.place(buyer, "t", "mine", 1, 1).replayed()).isTrue();
  }

  @Test
  void withTheStockGateASoldOutDealIsRefusedAtOnce() {
    AcceptService s = service(true, DURING);
    s.place(UUID.randomUUID(), "t", "a", 1, 1);
    s.place(UUID.randomUUID(), "t", "b", 1, 1);
    assertThat(Refusals.codeOf(() -> s.place(UUID.randomUUID(), "t", "c", 1, 1)))
        .isEqualTo(ErrorCode.SOLD_OUT);
    assertThat(db.byKey).hasSize(2);
  }

  @Test
  void withTheStockGateARetryOfAnAcceptedOrderIsThatOrderWhateverTheGateSaysNow() {
    AcceptService s = service(true, DURING);
    UUID buyer = UUID.randomUUID();
    var first = s.place(buyer, "t", "mine", 1, 1);
    products.held.clear(); // the gate forgot it (Redis rebuilt) and is sold out now
    products.units.put(1L, 0);
    var again = s.place(buyer, "t", "mine", 1, 1);
    assertThat(again.order().id()).isEqualTo(first.order().id());
    assertThat(again.replayed()).isTrue();
  }
}
