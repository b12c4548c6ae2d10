package com.flashdeal.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void statsAreMedianAndSpread() {
    Report.Stat s = Report.Stat.of(List.of(3.0, 1.0, 2.0, Double.NaN));
    assertThat(s.median()).isEqualTo(2.0);
    assertThat(s.min()).isEqualTo(1.0);
    assertThat(s.max()).isEqualTo(3.0);
    assertThat(Report.Stat.of(List.of(1.0, 3.0)).median()).isEqualTo(2.0);
  }

  @Test
  void overlappingSpreadsAreInconclusiveSeparateOnesNameTheBetterVariant() {
    Map<String, Map<String, Report.Stat>> stats = new LinkedHashMap<>();
    stats.put(
        "a", Map.of("goodput", new Report.Stat(10, 9, 11), "p99", new Report.Stat(100, 90, 110)));
    stats.put(
        "b", Map.of("goodput", new Report.Stat(20, 19, 21), "p99", new Report.Stat(105, 95, 130)));
    List<String> lines = Report.comparisons(List.of("a", "b"), stats);
    assertThat(lines).anyMatch(l -> l.startsWith("Goodput") && l.endsWith("b is better"));
    assertThat(lines)
        .anyMatch(l -> l.startsWith("Latency p99") && l.endsWith("inconclusive (spreads overlap)"));
  }

  @Test
  void usersCoverBothStagesWithAMargin() {
    Bench.Settings s = new Bench.Settings(List.of("v"), 1, 10, 5, 15, 60, 1);
    // warm-up 5/s for 6 s (one second of margin) + 10/s for 15 s (+5%) + 5
    assertThat(s.users()).isEqualTo(30 + 158 + 5);
  }
}
