package com.flashdeal.harness.scenario;

import com.flashdeal.harness.stats.Comparison;
import java.util.List;

/**
 * A scenario's part of the report: its comparisons (the headline and the verdicts are made from
 * them), its tables, and what goes into report.json.
 */
public interface ScenarioReport {

  /** The scenario's id, the key of its part in report.json. */
  String scenario();

  List<Comparison> comparisons();

  /** Verdict lines of its own, besides one per comparison (none by default). */
  default List<String> notes() {
    return List.of();
  }

  List<Section> sections();

  /** One table of the report. */
  record Section(String title, List<String> header, List<List<String>> rows) {}
}
