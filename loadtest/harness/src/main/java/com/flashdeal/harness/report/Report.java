package com.flashdeal.harness.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.flashdeal.harness.Bench;
import com.flashdeal.harness.scenario.ScenarioReport;
import com.flashdeal.harness.scenario.Scenarios;
import com.flashdeal.harness.scenario.Settings;
import com.flashdeal.harness.stats.Bootstrap;
import com.flashdeal.harness.stats.Comparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.json (everything), report.md and report.html: the headline and the verdicts first, in
 * sentences with numbers; then the scenario's charts and tables, the warm-ups, the environment.
 * What is in them besides the common parts is the scenario's ({@link ScenarioReport}); this class
 * only lays it out.
 */
public final class Report {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Report() {}

  public static void write(
      Path dir, Map<String, Object> environment, Settings settings, Bench.Outcome outcome)
      throws IOException {
    List<String> verdicts = verdicts(outcome);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("environment", environment);
    json.put("settings", settings);
    json.put("headline", headline(outcome));
    json.put("verdicts", verdicts);
    json.put("seeding", outcome.seeding());
    if (outcome.part() != null) {
      json.put(outcome.part().scenario(), outcome.part().json());
    }
    json.put("warmups", outcome.warmups());
    JSON.writeValue(dir.resolve("report.json").toFile(), json);
    Files.writeString(
        dir.resolve("report.md"),
        markdown(environment, settings, outcome, verdicts),
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("report.html"),
        Html.render(environment, settings, outcome, verdicts)
            .replace("</body></html>", gatlingReports(dir) + "</body></html>"),
        StandardCharsets.UTF_8);
  }

  /**
   * Links to Gatling's own HTML report of every load run under {@code dir/runs} (its per-request
   * charts complement ours), relative so the report folder can be moved.
   */
  static String gatlingReports(Path dir) throws IOException {
    Path runs = dir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return "";
    }
    List<Path> found;
    try (var walk = Files.walk(runs, 4)) {
      found =
          walk.filter(p -> p.getFileName().toString().equals("index.html"))
              .filter(p -> p.getParent().getParent().getFileName().toString().equals("gatling"))
              .sorted()
              .toList();
    }
    if (found.isEmpty()) {
      return "";
    }
    StringBuilder h = new StringBuilder("<h2>Gatling's reports</h2><ul>");
    for (Path p : found) {
      String rel = dir.relativize(p).toString().replace('\\', '/');
      String run = runs.relativize(p).getName(0).toString();
      h.append("<li><a href=\"")
          .append(Svg.esc(rel))
          .append("\">")
          .append(Svg.esc(run))
          .append("</a></li>");
    }
    return h.append("</ul>").toString();
  }

  /**
   * The report's first paragraph: which variant wins on what, by how much and with what confidence,
   * and what could not be decided — from every comparison the scenario made, the decided ones
   * largest effect first.
   */
  static String headline(Bench.Outcome o) {
    List<Comparison> all = o.part() == null ? List.of() : o.part().comparisons();
    if (all.isEmpty()) {
      return "Headline: no comparison between variants in this run (one variant, or none"
          + " measured).";
    }
    List<Comparison> decided =
        all.stream()
            .filter(c -> c.verdict() != Comparison.Verdict.INCONCLUSIVE)
            .sorted(
                java.util.Comparator.comparingDouble(
                    (Comparison c) -> -Math.abs(Math.log(c.ratio()))))
            .toList();
    StringBuilder h = new StringBuilder("Headline: ");
    if (decided.isEmpty()) {
      h.append("nothing was decided — ");
    } else {
      List<String> parts = new ArrayList<>();
      for (Comparison c : decided.subList(0, Math.min(5, decided.size()))) {
        parts.add(
            String.format(
                java.util.Locale.ROOT,
                "%s is %s on %s (%.2f× %s's, 95 %% CI %.2f–%.2f, p = %.3f, %d vs %d)",
                c.variant(),
                c.verdict() == Comparison.Verdict.BETTER ? "better" : "worse",
                c.figure(),
                c.ratio(),
                c.baseline(),
                c.low(),
                c.high(),
                c.p(),
                c.n(),
                c.nBaseline()));
      }
      h.append(String.join("; ", parts));
      if (decided.size() > 5) {
        h.append("; and ").append(decided.size() - 5).append(" more decided");
      }
      h.append(". ");
    }
    long undecided = all.size() - decided.size();
    long thin =
        all.stream()
            .filter(c -> c.verdict() == Comparison.Verdict.INCONCLUSIVE)
            .filter(c -> c.n() < Comparison.MIN_REPEATS || c.nBaseline() < Comparison.MIN_REPEATS)
            .count();
    h.append(
        String.format(
            java.util.Locale.ROOT,
            "%d of %d comparisons could not be decided (%d with fewer than %d repeats a side, the"
                + " rest within the noise).",
            undecided,
            all.size(),
            thin,
            Comparison.MIN_REPEATS));
    return h.toString();
  }

  /** The verdict lines: the scenario's, then what could not finish. */
  static List<String> verdicts(Bench.Outcome o) {
    List<String> out = new ArrayList<>();
    if (o.part() != null) {
      out.addAll(o.part().verdicts());
    }
    o.aborted().forEach(a -> out.add("ABORTED " + a));
    return out;
  }

  static final List<String> WARMUP_HEADER =
      List.of("variant", "deployment", "steady after", "warm-up ran");

  /** How long each deployment took to reach steady state before its warm sale or search. */
  static List<List<String>> warmupRows(Bench.Outcome o) {
    return o.warmups().stream()
        .map(
            w ->
                List.of(
                    w.variant(),
                    w.label(),
                    w.settled()
                        ? String.format(java.util.Locale.ROOT, "%.0f s", w.steadyAfterSeconds())
                        : "not steady within the bound",
                    String.format(java.util.Locale.ROOT, "%.0f s", w.ranSeconds())))
        .toList();
  }

  /** "12.3 [10.1–15.0]": median and range over valid runs. */
  public static String stat(List<Double> values, String unit) {
    List<Double> v = values.stream().filter(Double::isFinite).toList();
    if (v.isEmpty()) return "–";
    double med = Bootstrap.median(v.stream().mapToDouble(Double::doubleValue).toArray());
    double min = v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = v.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return String.format(
        java.util.Locale.ROOT,
        "%s%s [%s–%s]",
        Svg.num(med),
        unit.isEmpty() ? "" : " " + unit,
        Svg.num(min),
        Svg.num(max));
  }

  /** The scenario's own settings line. */
  static String settingsLine(Settings s) {
    return Scenarios.named(s.scenario()).describe(s);
  }

  private static String markdown(
      Map<String, Object> env, Settings s, Bench.Outcome o, List<String> verdicts) {
    StringBuilder md = new StringBuilder("# Flash Deal benchmark — " + s.scenario() + "\n\n");
    md.append(settingsLine(s)).append("\n\n");
    md.append(headline(o)).append("\n\n## Verdicts\n\n");
    verdicts.forEach(v -> md.append("- ").append(v).append("\n"));
    if (o.part() != null) {
      for (ScenarioReport.Section section : o.part().sections()) {
        md.append("\n## ").append(section.title()).append("\n\n");
        if (!section.text().isEmpty()) {
          md.append(section.text()).append("\n");
        }
        if (!section.header().isEmpty()) {
          table(md, section.header(), section.rows());
        }
      }
    }
    if (!o.warmups().isEmpty()) {
      md.append("\n## Warm-up to steady state\n\n");
      table(md, WARMUP_HEADER, warmupRows(o));
    }
    md.append("\n## Environment\n\n");
    table(
        md,
        List.of("", ""),
        env.entrySet().stream()
            .map(e -> List.of(e.getKey(), String.valueOf(e.getValue())))
            .toList());
    return md.toString();
  }

  private static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
    md.append("\n| ").append(String.join(" | ", header)).append(" |\n|");
    header.forEach(h -> md.append("---|"));
    md.append("\n");
    rows.forEach(
        r ->
            md.append("| ")
                .append(String.join(" | ", r.stream().map(c -> c.replace("|", "/")).toList()))
                .append(" |\n"));
  }
}
