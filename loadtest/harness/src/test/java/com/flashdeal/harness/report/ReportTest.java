package com.flashdeal.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashdeal.harness.Bench;
import com.flashdeal.harness.RunResult;
import com.flashdeal.harness.capacity.CapacityResult;
import com.flashdeal.harness.capacity.KneeSearch;
import com.flashdeal.harness.capacity.PgBench;
import com.flashdeal.harness.load.Arrival;
import com.flashdeal.harness.load.SaleFigures;
import com.flashdeal.harness.metrics.MachineLoad;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.seed.UserPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @TempDir Path dir;

  private static final Bench.Settings SETTINGS =
      new Bench.Settings(
          "sale",
          List.of("phase1-db-atomic", "phase1-db-lock"),
          5,
          3,
          10,
          100,
          1,
          6,
          true,
          false,
          100,
          250,
          20,
          8,
          50,
          1600,
          List.of(1.5, 2.0, 3.0),
          null,
          10,
          1_000_000,
          Map.of());

  /** A sale whose order answers take {@code ms}: 3 units to the first three of 10 arrivals. */
  private static RunResult sale(String variant, int round, String phase, double ms, String status) {
    List<Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long start = 1_000 + i * 10L;
      arrivals.add(
          i < 3
              ? new Arrival(i, start, start + (long) ms, 201, "", "o" + i, 1, 1, ms)
              : new Arrival(i, start, start + 2, 409, "SOLD_OUT", "", 1, 0, 2));
    }
    Map<String, MetricsSource.ServiceFigures> processes = new LinkedHashMap<>();
    processes.put("product-service", new MetricsSource.ServiceFigures(ms, 10, -1, 0.3, 300));
    processes.put("postgresql", new MetricsSource.ServiceFigures(Double.NaN, 0, -1, 0.1, 80));
    return new RunResult(
        variant,
        round,
        phase,
        status,
        !status.equals("INVALID"),
        status.equals("FAILED") ? List.of("oversold: 4 units") : List.of(),
        SaleFigures.of(arrivals, 3),
        Map.of("stock", 3L),
        processes,
        0.05,
        150,
        0,
        new MachineLoad(0.5, 0, 0.01, 2),
        20,
        null,
        null);
  }

  private Bench.Outcome outcome() {
    List<RunResult> runs = new ArrayList<>();
    for (int r = 1; r <= 5; r++) {
      runs.add(sale("phase1-db-atomic", r, RunResult.WARM, 10 + r, "PASSED"));
      runs.add(sale("phase1-db-lock", r, RunResult.WARM, 30 + r, "PASSED"));
      runs.add(sale("phase1-db-atomic", r, RunResult.COLD, 500 + r, "PASSED"));
      runs.add(sale("phase1-db-lock", r, RunResult.COLD, 500 + r, r == 5 ? "INVALID" : "PASSED"));
    }
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
    return new Bench.Outcome(
        List.of(),
        runs,
        List.of(
            new CapacityResult(
                "phase1-db-atomic", "order path", 100, knee, List.of(step, overloaded))),
        new PgBench(10, 15, 900, 2000),
        new UserPool.Seeding(10, 10, 10, 1.5));
  }

  @Test
  void verdictsComeFirstAsSentencesWithNumbers() throws Exception {
    Report.write(dir, Map.of("cpu", "test"), SETTINGS, outcome());
    List<String> verdicts = Report.verdicts(outcome());
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
                v.contains(
                    "knee: 300/s at p99 ≤ 100 ms (confirmed by a second run) = 0.33× pgbench's 900 tps"))
        .anyMatch(
            v ->
                v.equals(
                    "phase1-db-lock: 0 sale(s) FAILED the oracle, 1 INVALID (excluded from every statistic), 0 disturbed by outside load"));
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html.indexOf("Verdicts")).isLessThan(html.indexOf("<svg"));
    assertThat(html)
        .contains(
            "Sell-out curve", "Latency spectrum", "Capacity curve", "CPU seconds per 1,000 orders");
    assertThat(Files.readString(dir.resolve("report.md")))
        .contains("| phase1-db-lock | cold | INVALID 1/5 |")
        .contains("| 900/s (3.0× knee) | fails: errors 40.0 % | 201 60 % · 503 OVERLOADED 40 % |");
    assertThat(
            new ObjectMapper().readTree(dir.resolve("report.json").toFile()).path("sales").size())
        .isEqualTo(20);
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
    assertThat(Report.kneeRatios(List.of(atomic, login, lua)))
        .containsExactly(
            "SOLD_OUT answers knee: phase3-redis-lua 3.50× phase1-db-atomic (700/s against 200/s;"
                + " each knee ±10 % by the bisection; a knee at the highest rate tried is a lower"
                + " bound)");
  }

  @Test
  void invalidRunsAreExcludedFromTheStatistics() {
    Bench.Outcome o = outcome();
    List<Double> cold =
        Report.values(
            Report.runs(o, "phase1-db-lock", RunResult.COLD), Report.figure("p99created"));
    assertThat(cold).hasSize(4).doesNotContain(505.0);
  }
}
