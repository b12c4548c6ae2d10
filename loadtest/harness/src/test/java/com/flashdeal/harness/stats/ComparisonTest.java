package com.flashdeal.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static Comparison p99(List<Double> a, List<Double> b) {
    return Comparison.of("order p99", "ms", false, "db-lock", a, "db-atomic", b);
  }

  @Test
  void aClearlySlowerVariantIsWorseWithItsRatioIntervalAndPValue() {
    Comparison c =
        p99(List.of(130.0, 128.0, 135.0, 140.0, 131.0), List.of(100.0, 98.0, 102.0, 105.0, 99.0));
    assertThat(c.verdict()).isEqualTo(Comparison.Verdict.WORSE);
    assertThat(c.ratio()).isBetween(1.25, 1.35);
    assertThat(c.low()).isGreaterThan(1.0);
    assertThat(c.sentence())
        .startsWith("db-lock's order p99 is 1.31× db-atomic's [")
        .contains("p = 0.008, 5 vs 5 repeats: worse");
  }

  @Test
  void higherIsBetterFlipsTheWording() {
    Comparison c =
        Comparison.of(
            "orders/s",
            "orders/s",
            true,
            "b",
            List.of(20.0, 21.0, 22.0, 23.0, 24.0),
            "a",
            List.of(10.0, 11.0, 12.0, 13.0, 14.0));
    assertThat(c.verdict()).isEqualTo(Comparison.Verdict.BETTER);
  }

  @Test
  void anAaComparisonOfTheSameValuesIsInconclusive() {
    List<Double> runs = List.of(101.0, 97.0, 110.0, 99.0, 104.0);
    assertThat(p99(runs, runs).verdict()).isEqualTo(Comparison.Verdict.INCONCLUSIVE);
  }

  @Test
  void anAaComparisonOfTwoDrawsFromOneDistributionIsInconclusiveAtLeast95PercentOfTheTime() {
    // The judge's false-positive rate: 2,000 A/A benches of 5 vs 5 noisy runs (±20 %).
    SplittableRandom random = new SplittableRandom(42);
    int claims = 0;
    for (int bench = 0; bench < 2000; bench++) {
      List<Double> a = new ArrayList<>();
      List<Double> b = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        a.add(100 * (0.8 + 0.4 * random.nextDouble()));
        b.add(100 * (0.8 + 0.4 * random.nextDouble()));
      }
      if (p99(a, b).verdict() != Comparison.Verdict.INCONCLUSIVE) {
        claims++;
      }
    }
    assertThat(claims / 2000.0).isLessThanOrEqualTo(0.05);
  }

  @Test
  void threeRepeatsCanNeverBeDecisive() {
    // Mann-Whitney's smallest two-sided p for 3 vs 3 is 0.1: no verdict is possible, say so.
    Comparison c = p99(List.of(300.0, 310.0, 320.0), List.of(100.0, 101.0, 102.0));
    assertThat(c.verdict()).isEqualTo(Comparison.Verdict.INCONCLUSIVE);
  }

  @Test
  void noValidRunsOnOneSideIsInconclusiveNotAnError() {
    Comparison c = p99(List.of(Double.NaN), List.of(1.0, 2.0));
    assertThat(c.verdict()).isEqualTo(Comparison.Verdict.INCONCLUSIVE);
    assertThat(c.sentence()).contains("no valid values");
  }
}
