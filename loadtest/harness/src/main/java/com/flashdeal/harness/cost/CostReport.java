package com.flashdeal.harness.cost;

import com.flashdeal.harness.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The cost scenario's part of the report: the table per answer and process, steady state. */
final class CostReport {
  private CostReport() {}

  static final List<String> HEADER =
      List.of("answer", "variant", "process", "CPU ms per answer (median [range])", "samples");

  static List<List<String>> rows(CostResult c) {
    List<List<String>> rows = new ArrayList<>();
    for (Answer a : Answer.values()) {
      for (String v : c.variants()) {
        for (String p : c.processes(a)) {
          List<Double> values = c.values(v, a, p);
          if (values.isEmpty()) {
            continue;
          }
          rows.add(
              List.of(
                  a.label(),
                  v,
                  p,
                  Report.stat(values, "ms"),
                  Long.toString(values.stream().filter(Double::isFinite).count())));
        }
      }
    }
    return rows;
  }

  static final List<String> STEADY_HEADER =
      List.of("variant", "round", "answer", "time to steady state", "windows", "not as expected");

  static List<List<String>> steadyRows(CostResult c) {
    return c.steady().stream()
        .map(
            s ->
                List.of(
                    s.variant(),
                    Integer.toString(s.round()),
                    s.answer().label(),
                    s.settled()
                        ? String.format(Locale.ROOT, "%.0f s", s.seconds())
                        : "not steady within the bound",
                    Integer.toString(s.windows()),
                    String.format(Locale.ROOT, "%.2f %%", s.errorRate() * 100)
                        + (s.errorRate() > CostScenario.MAX_ERROR_RATE ? " (not counted)" : "")))
        .toList();
  }
}
