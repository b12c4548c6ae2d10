package com.flashdeal.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.harness.metrics.MachineLoad;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KneeReportTest {

  /** A search of db-atomic: the knee at 300/s, then a step at 3x it where 40 % were refused. */
  static KneeReport search() {
    var knee = new KneeSearch.Knee(300, true, true, List.of());
    var step =
        new CapacityResult.StepFigures(
            300,
            true,
            false,
            "",
            10,
            80,
            0,
            0,
            300,
            Map.of("generator", 1.0),
            new MachineLoad(0.5, 0, 0, 8),
            Map.of("201", 2400L),
            0);
    var overloaded =
        new CapacityResult.StepFigures(
            900,
            false,
            false,
            "errors 40.0 %",
            12,
            95,
            0.4,
            0,
            900,
            Map.of("generator", 1.0),
            new MachineLoad(0.5, 0, 0, 8),
            Map.of("201", 4320L, "503 OVERLOADED", 2880L),
            3);
    return new KneeReport(
        "capacity",
        List.of(
            new CapacityResult(
                "phase1-db-atomic", "order path", 100, knee, List.of(step, overloaded))),
        new PgBench(10, 15, 900, 2000));
  }

  @Test
  void theKneeIsReadAgainstPgbench() {
    assertThat(search().verdicts())
        .anyMatch(
            v ->
                v.contains(
                    "knee: 300/s at p99 ≤ 100 ms (confirmed by a second run) = 0.33× pgbench's 900"
                        + " tps"));
  }

  @Test
  void aStepPastTheKneeShowsHowTheAnswersSplit() {
    assertThat(search().sections().getFirst().rows())
        .anyMatch(
            r ->
                r.get(1).equals("900/s (3.0× knee)")
                    && r.get(2).equals("fails: errors 40.0 %")
                    && r.get(3).equals("201 60 % · 503 OVERLOADED 40 %"));
  }

  @Test
  void eachKneeIsComparedWithTheFirstVariantsForTheSameTarget() {
    CapacityResult atomic =
        new CapacityResult(
            "phase1-db-atomic",
            "SOLD_OUT answers",
            20,
            new KneeSearch.Knee(200, true, true, List.of()),
            List.of());
    CapacityResult lua =
        new CapacityResult(
            "phase3-redis-lua",
            "SOLD_OUT answers",
            20,
            new KneeSearch.Knee(700, true, false, List.of()),
            List.of());
    CapacityResult login =
        new CapacityResult(
            "auth-service", "login", 250, new KneeSearch.Knee(9, true, true, List.of()), List.of());
    assertThat(KneeReport.kneeRatios(List.of(atomic, login, lua)))
        .containsExactly(
            "SOLD_OUT answers knee: phase3-redis-lua 3.50× phase1-db-atomic (700/s against 200/s;"
                + " each knee ±10 % by the bisection; a knee at the highest rate tried is a lower"
                + " bound)");
  }
}
