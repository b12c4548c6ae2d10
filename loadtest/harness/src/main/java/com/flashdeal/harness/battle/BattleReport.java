package com.flashdeal.harness.battle;

import static com.flashdeal.harness.report.Report.stat;

import com.flashdeal.harness.capacity.CapacityResult;
import com.flashdeal.harness.capacity.KneeReport;
import com.flashdeal.harness.report.Svg;
import com.flashdeal.harness.scenario.ScenarioReport;
import com.flashdeal.harness.stats.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The battle's part of the report: per figure each variant's median [range] and the verdict, the
 * artifacts, and the knee searches of every round.
 */
public record BattleReport(BattleResult battle, List<CapacityResult> searches)
    implements ScenarioReport {

  public BattleReport {
    searches = List.copyOf(searches);
  }

  @Override
  public String scenario() {
    return "battle";
  }

  @Override
  public List<Comparison> comparisons() {
    return battle.comparisons();
  }

  @Override
  public List<String> notes() {
    return new KneeReport(scenario(), searches, null).notes();
  }

  @Override
  public List<Chart> charts() {
    return new KneeReport(scenario(), searches, null).charts();
  }

  @Override
  public List<Section> sections() {
    return List.of(
        new Section(
            "Stacks side by side (" + battle.service() + ")",
            "Rounds interleave the variants; the 50 % and 90 % steps are at the reference's knee of"
                + " the same round; a verdict needs 4 rounds a side, p < 0.05 and a 95 % interval"
                + " of the ratio that excludes 1.",
            header(battle),
            rows(battle)),
        new Section("Artifacts", ARTIFACT_HEADER, artifactRows(battle)),
        new Section("Knee search steps", KneeReport.HEADER, KneeReport.rows(searches)));
  }

  @Override
  public Object json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("battle", battle);
    json.put("capacity", searches);
    return json;
  }

  /** Per figure: each variant's median [range], then the verdict. */
  static List<String> header(BattleResult b) {
    List<String> header = new ArrayList<>(List.of("figure"));
    b.variants().forEach(v -> header.add(v + " (median [range])"));
    header.addAll(List.of("ratio [95 % CI]", "p", "verdict"));
    return header;
  }

  static List<List<String>> rows(BattleResult b) {
    List<List<String>> rows = new ArrayList<>();
    List<Comparison> verdicts = b.comparisons();
    for (BattleResult.Figure f : BattleResult.FIGURES) {
      List<String> row = new ArrayList<>(List.of(f.name()));
      b.variants().forEach(v -> row.add(stat(b.values(v, f), f.unit())));
      verdicts.stream()
          .filter(c -> c.figure().equals(f.name()))
          .findFirst()
          .ifPresentOrElse(
              c -> {
                row.add(
                    Double.isFinite(c.ratio())
                        ? String.format(
                            Locale.ROOT, "%.2f× [%.2f–%.2f]", c.ratio(), c.low(), c.high())
                        : "–");
                row.add(String.format(Locale.ROOT, "%.3f", c.p()));
                row.add(c.verdict().name().toLowerCase(Locale.ROOT));
              },
              () -> row.addAll(List.of("–", "–", "–")));
      rows.add(row);
    }
    return rows;
  }

  static final List<String> ARTIFACT_HEADER =
      List.of("variant", "jar", "jar size", "image layers of its own (on the shared JRE base)");

  static List<List<String>> artifactRows(BattleResult b) {
    return b.artifacts().stream()
        .map(
            a ->
                List.of(
                    a.variant(),
                    a.jar(),
                    mib(a.jarBytes()),
                    a.imageLayerBytes() < 0 ? "not built" : mib(a.imageLayerBytes())))
        .toList();
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "–" : Svg.f("%.1f MiB", bytes / 1048576.0);
  }
}
