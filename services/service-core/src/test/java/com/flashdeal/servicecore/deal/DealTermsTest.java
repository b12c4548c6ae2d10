package com.flashdeal.servicecore.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.contract.common.model.ErrorCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DealTermsTest {
  private static final OffsetDateTime START =
      OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC);
  private static final DealTerms TERMS = new DealTerms(7, START, START.plusHours(1), 2);

  @Test
  void theWindowIncludesItsStartAndExcludesItsEnd() {
    assertThat(TERMS.activeAt(START.toInstant())).isTrue();
    assertThat(TERMS.activeAt(START.toInstant().minusNanos(1000))).isFalse();
    assertThat(TERMS.activeAt(START.plusHours(1).toInstant())).isFalse();
  }

  @Test
  void outsideTheWindowIsNotActiveWhateverTheQuantity() {
    Instant before = START.toInstant().minusSeconds(1);
    assertThat(TERMS.refusal(before, 9).code()).isEqualTo(ErrorCode.DEAL_NOT_ACTIVE);
    assertThat(TERMS.refusal(before, 1).getMessage()).contains("starts at");
    assertThat(TERMS.refusal(START.plusHours(2).toInstant(), 1).getMessage()).contains("ended at");
  }

  @Test
  void inTheWindowOnlyMoreThanTheLimitIsRefused() {
    Instant during = START.toInstant().plusSeconds(60);
    assertThat(TERMS.refusal(during, 2)).isNull();
    assertThat(TERMS.refusal(during, 3).code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    assertThat(TERMS.refusal(during, 3).getMessage())
        .isEqualTo("Deal 7 allows 2 unit(s) per user.");
  }
}
