package com.flashdeal.ordercore.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SoldOutDealsTest {
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final SoldOutDeals soldOut = new SoldOutDeals(Duration.ofMillis(200), ticker);

  @Test
  void aRefusalIsForgottenAfterTheTtl() {
    soldOut.soldOut(7, 2);
    assertThat(soldOut.refuses(7, 2)).isTrue();
    assertThat(soldOut.refuses(7, 1)).as("fewer units than refused").isFalse();
    nanos.addAndGet(Duration.ofMillis(201).toNanos());
    assertThat(soldOut.refuses(7, 2)).isFalse();
  }

  @Test
  void aHeldDealIsRefusedWhateverTheTtlUntilReleased() {
    soldOut.hold(Long.MAX_VALUE);
    nanos.addAndGet(Duration.ofSeconds(60).toNanos());
    assertThat(soldOut.refuses(Long.MAX_VALUE, 1)).isTrue();
    assertThat(soldOut.refuses(8, 1)).as("only the held deal").isFalse();
    soldOut.release(Long.MAX_VALUE);
    assertThat(soldOut.refuses(Long.MAX_VALUE, 1)).isFalse();
  }

  @Test
  void nothingIsHeldWhenTheCacheIsOff() {
    SoldOutDeals off = SoldOutDeals.off();
    off.hold(9);
    assertThat(off.refuses(9, 1)).isFalse();
  }
}
