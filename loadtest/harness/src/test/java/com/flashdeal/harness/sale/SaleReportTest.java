package com.flashdeal.harness.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SaleReportTest {

  @Test
  void invalidRunsAreExcludedFromTheStatistics() {
    SaleReport o = SaleFixtures.fiveRounds();
    List<Double> cold =
        SaleReport.values(
            SaleReport.runs(o, "phase1-db-lock", RunResult.COLD), SaleReport.figure("p99created"));
    assertThat(cold).hasSize(4).doesNotContain(505.0);
  }

  @Test
  void theVerdictsCompareEachVariantWithTheFirstWarmAndColdAndColdWithWarm() {
    List<String> verdicts = SaleFixtures.fiveRounds().verdicts();
    assertThat(verdicts)
        .anyMatch(
            v ->
                v.startsWith("warm: phase1-db-lock's order p99 (201) is ")
                    && v.endsWith("5 vs 5 repeats: worse"))
        .anyMatch(
            v ->
                v.startsWith("phase1-db-atomic cold's order p99 (201) is ")
                    && v.endsWith(": worse"))
        .anyMatch(
            v ->
                v.equals(
                    "phase1-db-lock: 0 sale(s) FAILED the oracle, 1 INVALID (excluded from every"
                        + " statistic), 0 disturbed by outside load"));
  }

  @Test
  void aFailedSaleIsJudgedFailed() {
    SaleReport o =
        new SaleReport(
            List.of(SaleFixtures.sale("phase1-naive", 1, RunResult.WARM, 5, "FAILED")), List.of());
    assertThat(o.judged())
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.asExpected(java.util.Set.of())).isFalse();
              assertThat(j.asExpected(java.util.Set.of("phase1-naive"))).isTrue();
            });
  }
}
