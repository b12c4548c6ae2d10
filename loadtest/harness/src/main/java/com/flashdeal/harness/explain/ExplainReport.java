package com.flashdeal.harness.explain;

import com.flashdeal.harness.report.Svg;
import com.flashdeal.harness.scenario.ScenarioReport;
import com.flashdeal.harness.stats.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The index study's part of the report: per index what it buys each statement, then the plans. */
public record ExplainReport(IndexStudy.Result indexes) implements ScenarioReport {

  @Override
  public String scenario() {
    return "explain";
  }

  /** It compares plans of one deployment, not variants. */
  @Override
  public List<Comparison> comparisons() {
    return List.of();
  }

  @Override
  public List<String> notes() {
    List<String> out = new ArrayList<>();
    for (IndexStudy.Row r : indexes.rows()) {
      if (r.without() != null) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s: %s takes %.3f ms with it, %.3f ms without (%.1f× faster; %d against %d"
                    + " buffers)",
                r.index(),
                r.query(),
                r.with().executionMs(),
                r.without().executionMs(),
                r.speedUp(),
                r.with().buffers(),
                r.without().buffers()));
      }
    }
    return out;
  }

  @Override
  public List<Section> sections() {
    return List.of(new Section("Index study", line(indexes), HEADER, rows(indexes)));
  }

  @Override
  public Object json() {
    return indexes;
  }

  static final List<String> HEADER =
      List.of(
          "database",
          "index",
          "statement",
          "with: ms",
          "with: plan",
          "with: buffers",
          "without: ms",
          "without: plan",
          "without: buffers",
          "× faster with");

  static List<List<String>> rows(IndexStudy.Result result) {
    List<List<String>> rows = new ArrayList<>();
    for (IndexStudy.Row r : result.rows()) {
      IndexStudy.Plan w = r.with();
      IndexStudy.Plan wo = r.without();
      rows.add(
          List.of(
              r.service(),
              r.index().isEmpty() ? "(its key only)" : r.index(),
              r.query(),
              Svg.f("%.3f", w.executionMs()),
              w.shape(),
              Long.toString(w.buffers()),
              wo == null ? "" : Svg.f("%.3f", wo.executionMs()),
              wo == null ? "" : wo.shape(),
              wo == null ? "" : Long.toString(wo.buffers()),
              wo == null ? "" : Svg.f("%.1f×", r.speedUp())));
    }
    return rows;
  }

  static String line(IndexStudy.Result r) {
    return Svg.f(
        "Seeded in %.0f s: %s. Each statement is one of the services' own (their .sql files), run %d"
            + " times under EXPLAIN (ANALYZE, BUFFERS) with its parameters bound; the median run"
            + " counts. \"Without\" drops the index inside a transaction that is rolled back. Plans"
            + " as JSON in plans/.",
        r.seedSeconds(), r.seeded().toString(), IndexStudy.EXECUTIONS);
  }
}
