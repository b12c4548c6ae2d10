package com.flashdeal.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {

  @Test
  void completelySeparatedFiveAgainstFiveIsTheSmallestExactPValue() {
    // Only 2 of the C(10,5) = 252 arrangements are this extreme (either direction).
    var r = MannWhitney.test(List.of(1.0, 2.0, 3.0, 4.0, 5.0), List.of(6.0, 7.0, 8.0, 9.0, 10.0));
    assertThat(r.p()).isCloseTo(2.0 / 252, within(1e-12));
    assertThat(r.u()).isZero();
  }

  @Test
  void identicalSamplesHaveNoEvidenceOfADifference() {
    var r = MannWhitney.test(List.of(5.0, 5.0, 5.0), List.of(5.0, 5.0, 5.0));
    assertThat(r.p()).isEqualTo(1.0);
  }

  @Test
  void theExactDistributionMatchesATableValue() {
    // n1 = n2 = 4: P(U <= 1) = 2/70 (U = 0: 1 arrangement, U = 1: 1).
    assertThat(MannWhitney.exactCdf(1, 4, 4)).isCloseTo(2.0 / 70, within(1e-12));
    assertThat(MannWhitney.exactCdf(16, 4, 4)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void tiesUseTheNormalApproximationAndStayReasonable() {
    var r = MannWhitney.test(List.of(1.0, 2.0, 2.0, 3.0, 4.0), List.of(2.0, 5.0, 6.0, 7.0, 8.0));
    assertThat(r.p()).isBetween(0.02, 0.12);
  }
}
