package com.flashdeal.harness.sale;

import com.flashdeal.harness.load.Arrival;
import com.flashdeal.harness.load.SaleFigures;
import com.flashdeal.harness.metrics.MachineLoad;
import com.flashdeal.harness.metrics.MetricsSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sales made up for the report's tests. */
public final class SaleFixtures {
  private SaleFixtures() {}

  /** A sale whose order answers take {@code ms}: 3 units to the first three of 10 arrivals. */
  public static RunResult sale(String variant, int round, String phase, double ms, String status) {
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

  /**
   * Five rounds of two variants, warm and cold: db-lock three times slower warm, its fifth cold
   * sale invalid.
   */
  public static SaleReport fiveRounds() {
    List<RunResult> runs = new ArrayList<>();
    for (int r = 1; r <= 5; r++) {
      runs.add(sale("phase1-db-atomic", r, RunResult.WARM, 10 + r, "PASSED"));
      runs.add(sale("phase1-db-lock", r, RunResult.WARM, 30 + r, "PASSED"));
      runs.add(sale("phase1-db-atomic", r, RunResult.COLD, 500 + r, "PASSED"));
      runs.add(sale("phase1-db-lock", r, RunResult.COLD, 500 + r, r == 5 ? "INVALID" : "PASSED"));
    }
    return new SaleReport(runs, List.of());
  }
}
