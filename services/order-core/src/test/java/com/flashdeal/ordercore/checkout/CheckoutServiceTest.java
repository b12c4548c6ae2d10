package com.flashdeal.ordercore.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.ordercore.settlement.Settlements;
import com.flashdeal.servicecore.problem.ApiException;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The synchronous order path against fakes of its database and of the stock's owner. */
class CheckoutServiceTest {
  private static final long DEAL = 42;

  private final FakeOrders db = new FakeOrders();
  private final FakeStock stock = new FakeStock();
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final CheckoutService checkout =
      new CheckoutService(
          db,
          stock,
          new Settlements(db),
          Clock.systemUTC(),
          new SoldOutDeals(Duration.ofMillis(200), ticker));

  private CheckoutService.Placed order(UUID user, String key, int quantity) {
    return checkout.place(user, "token", key, DEAL, quantity);
  }

  @Test
  void aRefusalRightAfterSoldOutIsAnsweredWithoutAskingTheStocksOwner() {
    stock.giveBack(DEAL, 1);
    order(UUID.randomUUID(), "k1", 1);
    assertThat(Refusals.codeOf(() -> order(UUID.randomUUID(), "k2", 1)))
        .isEqualTo(ErrorCode.SOLD_OUT);
    int asked = stock.calls;
    for (int i = 0; i < 50; i++) {
      assertThat(Refusals.codeOf(() -> order(UUID.randomUUID(), "k", 1)))
          .isEqualTo(ErrorCode.SOLD_OUT);
    }
    assertThat(stock.calls).isEqualTo(asked);
  }

  @Test
  void aRefusalLooksTheBuyerUpOnce() {
    assertThat(Refusals.codeOf(() -> order(UUID.randomUUID(), "a", 1)))
        .isEqualTo(ErrorCode.SOLD_OUT);
    db.lookups = 0;
    assertThat(Refusals.codeOf(() -> order(UUID.randomUUID(), "b", 1)))
        .isEqualTo(ErrorCode.SOLD_OUT);
    assertThat(db.lookups).isEqualTo(1);
  }

  @Test
  void aRetryOfAnOrderThatExistsGetsThatOrderNeverSoldOut() {
    stock.giveBack(DEAL, 1);
    UUID buyer = UUID.randomUUID();
    var first = order(buyer, "mine", 1);
    assertThat(Refusals.codeOf(() -> order(UUID.randomUUID(), "other", 1)))
        .isEqualTo(ErrorCode.SOLD_OUT);
    var again = order(buyer, "mine", 1);
    assertThat(again.replayed()).isTrue();
    assertThat(again.order().id()).isEqualTo(first.order().id());
  }

  @Test
  void aUnitGivenBackIsSoldAgainOnceTheRefusalExpires() {
    assertThat(Refusals.codeOf(() -> order(UUID.randomUUID(), "a", 1)))
        .isEqualTo(ErrorCode.SOLD_OUT);
    stock.giveBack(DEAL, 1);
    assertThat(Refusals.codeOf(() -> order(UUID.randomUUID(), "b", 1)))
        .isEqualTo(ErrorCode.SOLD_OUT);
    nanos.addAndGet(Duration.ofMillis(201).toNanos());
    assertThat(order(UUID.randomUUID(), "c", 1).order().status()).isEqualTo("CONFIRMED");
  }

  @Test
  void aRefusalOfTwoUnitsDoesNotRefuseOne() {
    stock.giveBack(DEAL, 1);
    assertThat(Refusals.codeOf(() -> order(UUID.randomUUID(), "two", 2)))
        .isEqualTo(ErrorCode.SOLD_OUT);
    assertThat(order(UUID.randomUUID(), "one", 1).order().quantity()).isEqualTo(1);
  }

  @Test
  void withTheCacheOffEveryOrderAsks() {
    CheckoutService asking =
        new CheckoutService(db, stock, new Settlements(db), Clock.systemUTC(), SoldOutDeals.off());
    for (int i = 0; i < 3; i++) {
      String key = "k" + i;
      assertThatThrownBy(() -> asking.place(UUID.randomUUID(), "t", key, DEAL, 1))
          .isInstanceOf(ApiException.class);
    }
    assertThat(stock.calls).isEqualTo(3);
  }

  @Test
  void aSecondOrderOfTheSameBuyerIsAlreadyOrderedEvenWhenSoldOut() {
    stock.giveBack(DEAL, 1);
    UUID buyer = UUID.randomUUID();
    order(buyer, "first", 1);
    assertThat(Refusals.codeOf(() -> order(UUID.randomUUID(), "x", 1)))
        .isEqualTo(ErrorCode.SOLD_OUT);
    assertThat(Refusals.codeOf(() -> order(buyer, "second", 1)))
        .isEqualTo(ErrorCode.ALREADY_ORDERED);
  }
}
