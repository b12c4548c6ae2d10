package com.flashdeal.harness.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostReportTest {

  @Test
  void anAnswerWhoseRunWasMostlyNotTheExpectedAnswerIsShownAsNotCounted() {
    CostResult c =
        new CostResult(
            List.of(),
            List.of(
                new CostResult.Steady("phase1-naive", 1, Answer.DEAL_READ, 60, 9, true, 0.98),
                new CostResult.Steady("phase1-db-atomic", 1, Answer.DEAL_READ, 60, 9, true, 0)));
    assertThat(CostReport.steadyRows(c))
        .extracting(r -> r.get(5))
        .containsExactly("98.00 % (not counted)", "0.00 %");
  }
}
