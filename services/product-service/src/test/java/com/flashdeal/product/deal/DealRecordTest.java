package com.flashdeal.product.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.contract.product.model.DealStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A deal's status follows from the clock and its remaining units; it is never stored. */
class DealRecordTest {
  private static final OffsetDateTime START =
      OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC);

  private static DealRecord deal(int remaining) {
    return new DealRecord(1, 2, "Deal", 990, "EUR", 10, remaining, START, START.plusHours(1), 1);
  }

  @Test
  void beforeItsStartItIsUpcomingEvenWithUnitsLeft() {
    assertThat(deal(10).statusAt(START.toInstant().minusSeconds(1))).isEqualTo(DealStatus.UPCOMING);
  }

  @Test
  void inItsWindowItIsActiveUntilTheLastUnitThenSoldOut() {
    assertThat(deal(1).statusAt(START.toInstant())).isEqualTo(DealStatus.ACTIVE);
    assertThat(deal(0).statusAt(START.toInstant())).isEqualTo(DealStatus.SOLD_OUT);
  }

  @Test
  void fromItsEndItIsEndedSoldOutOrNot() {
    assertThat(deal(0).statusAt(START.plusHours(1).toInstant())).isEqualTo(DealStatus.ENDED);
    assertThat(deal(5).statusAt(START.plusHours(1).toInstant())).isEqualTo(DealStatus.ENDED);
  }

  @Test
  void itsTermsAreItsWindowAndLimit() {
    assertThat(deal(3).terms().activeAt(START.toInstant().plusSeconds(5))).isTrue();
    assertThat(deal(3).terms().refusal(START.toInstant().plusSeconds(5), 2).getMessage())
        .isEqualTo("Deal 1 allows 1 unit(s) per user.");
  }
}
