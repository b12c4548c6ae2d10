package com.flashdeal.harness.scenario;

import com.flashdeal.harness.stats.Comparison;
import java.util.List;
import java.util.Set;

/**
 * A scenario's part of the report: its comparisons (the headline is made from them), its verdict
 * lines, its tables and charts, and what goes into report.json. The report itself only lays them
 * out after what every bench has (headline, verdicts, warm-ups, environment); the model is JMH's
 * one {@code ResultFormat} per output reading one result.
 */
public interface ScenarioReport {

  /** The scenario's id, the key of its part in report.json. */
  String scenario();

  /** What the headline ranks: every comparison between variants this scenario made. */
  List<Comparison> comparisons();

  /** Verdict lines of its own, besides one per comparison (none by default). */
  default List<String> notes() {
    return List.of();
  }

  /** The verdict list: one sentence per comparison, then the notes. */
  default List<String> verdicts() {
    List<String> out = new java.util.ArrayList<>();
    comparisons().forEach(c -> out.add(scenario() + ": " + c.sentence()));
    out.addAll(notes());
    return out;
  }

  /** Charts, drawn in a two-column grid above the tables (report.html only). */
  default List<Chart> charts() {
    return List.of();
  }

  List<Section> sections();

  /**
   * Runs the oracle judged, for {@code --expect-pass}: each must end PASSED, or FAILED where its
   * variant is expected to fail (none by default: the scenario judges no sale).
   */
  default List<Judged> judged() {
    return List.of();
  }

  /** What report.json holds for this scenario (the report itself by default). */
  default Object json() {
    return this;
  }

  /**
   * One table of the report.
   *
   * @param text a paragraph before the table ("" for none); a section without a header is only its
   *     text
   */
  record Section(String title, String text, List<String> header, List<List<String>> rows) {
    public Section(String title, List<String> header, List<List<String>> rows) {
      this(title, "", header, rows);
    }
  }

  /** One chart: an SVG document and a note under it ("" for none). */
  record Chart(String title, String svg, String note) {}

  /** One judged run: PASSED, FAILED (the oracle) or INVALID (the measurement). */
  record Judged(String variant, String label, String status, List<String> violations) {
    public boolean asExpected(Set<String> expectedToFail) {
      return status.equals(expectedToFail.contains(variant) ? "FAILED" : "PASSED");
    }
  }
}
