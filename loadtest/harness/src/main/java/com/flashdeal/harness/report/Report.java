package com.flashdeal.harness.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.flashdeal.harness.Bench;
import com.flashdeal.harness.RunResult;
import com.flashdeal.harness.battle.BattleResult;
import com.flashdeal.harness.capacity.CapacityResult;
import com.flashdeal.harness.explain.IndexStudy;
import com.flashdeal.harness.metrics.MetricsSource;
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
import java.util.function.ToDoubleFunction;

/**
 * report.json (everything), report.md and report.html (verdicts first, in sentences with numbers;
 * then charts, tables, environment). Statistics use valid runs only; INVALID runs are counted and
 * listed, never averaged in.
 */
public final class Report {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A figure of a sale that verdicts and tables use. */
  record Figure(
      String key,
      String title,
      String unit,
      boolean higherIsBetter,
      ToDoubleFunction<RunResult> value) {}

  static final List<Figure> FIGURES =
      List.of(
          new Figure(
              "p99created",
              "order p99 (201)",
              "ms",
              false,
              r -> r.sale().createdMs().getOrDefault("p99", Double.NaN)),
          new Figure(
              "p99soldOut",
              "order p99 (409 SOLD_OUT)",
              "ms",
              false,
              r -> r.sale().soldOutMs().getOrDefault("p99", Double.NaN)),
          new Figure(
              "p50created",
              "order p50 (201)",
              "ms",
              false,
              r -> r.sale().createdMs().getOrDefault("p50", Double.NaN)),
          new Figure(
              "p999created",
              "order p99.9 (201)",
              "ms",
              false,
              r -> r.sale().createdMs().getOrDefault("p99.9", Double.NaN)),
          new Figure("sellOut", "time to sell out", "s", false, r -> r.sale().sellOutSeconds()),
          new Figure(
              "ordersPerSecond",
              "orders/s while selling",
              "orders/s",
              true,
              r -> r.sale().ordersPerSecond()),
          new Figure("errors", "errors", "", false, r -> r.sale().errors()),
          new Figure(
              "cpuPer1000",
              "CPU per 1,000 orders (all processes)",
              "s",
              false,
              Report::totalCpuPerThousand));

  /** The figures a verdict sentence is given for (the rest are in the tables). */
  static final List<String> VERDICT_FIGURES =
      List.of("p99created", "p99soldOut", "sellOut", "cpuPer1000");

  public static void write(
      Path dir, Map<String, Object> environment, Bench.Settings settings, Bench.Outcome outcome)
      throws IOException {
    List<String> verdicts = verdicts(outcome);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("environment", environment);
    json.put("settings", settings);
    json.put("verdicts", verdicts);
    json.put("sales", outcome.sales());
    json.put("capacity", outcome.capacity());
    json.put("pgbench", outcome.pgbench());
    json.put("seeding", outcome.seeding());
    json.put("indexes", outcome.indexes());
    json.put("battle", outcome.battle());
    if (outcome.part() != null) {
      json.put(outcome.part().scenario(), outcome.part());
    }
    json.put("warmups", outcome.warmups());
    json.put("headline", headline(outcome));
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

  static double totalCpuPerThousand(RunResult r) {
    double sum = 0;
    for (double v : r.cpuPerThousandOrders().values()) {
      if (v < 0) return Double.NaN;
      sum += v;
    }
    return sum;
  }

  static List<String> variants(Bench.Outcome o) {
    List<String> v = new ArrayList<>();
    o.sales()
        .forEach(
            r -> {
              if (!v.contains(r.variant())) v.add(r.variant());
            });
    return v;
  }

  static List<RunResult> runs(Bench.Outcome o, String variant, String phase) {
    return o.sales().stream()
        .filter(r -> r.variant().equals(variant) && r.phase().equals(phase))
        .toList();
  }

  static List<Double> values(List<RunResult> runs, Figure f) {
    return runs.stream().filter(RunResult::valid).map(r -> f.value().applyAsDouble(r)).toList();
  }

  static Figure figure(String key) {
    return FIGURES.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
  }

  /**
   * The report's first paragraph: which variant wins on what, by how much and with what confidence,
   * and what could not be decided — from every comparison the bench made (warm sales, the battle,
   * the cost scenario), the decided ones largest effect first.
   */
  static String headline(Bench.Outcome o) {
    List<com.flashdeal.harness.stats.Comparison> all = new ArrayList<>();
    List<String> variants = variants(o);
    if (!variants.isEmpty() && !runs(o, variants.getFirst(), RunResult.WARM).isEmpty()) {
      String base = variants.getFirst();
      for (String v : variants.subList(1, variants.size())) {
        for (String key : VERDICT_FIGURES) {
          Figure f = figure(key);
          all.add(
              Comparison.of(
                  "warm " + f.title(),
                  f.unit(),
                  f.higherIsBetter(),
                  v,
                  values(runs(o, v, RunResult.WARM), f),
                  base,
                  values(runs(o, base, RunResult.WARM), f)));
        }
      }
    }
    if (o.battle() != null) {
      all.addAll(o.battle().comparisons());
    }
    if (o.part() != null) {
      all.addAll(o.part().comparisons());
    }
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

  /**
   * Verdict sentences: each variant against the first (warm, then cold), cold against warm, the
   * knees.
   */
  static List<String> verdicts(Bench.Outcome o) {
    List<String> out = new ArrayList<>();
    List<String> variants = variants(o);
    for (String phase : List.of(RunResult.WARM, RunResult.COLD)) {
      if (variants.isEmpty() || runs(o, variants.getFirst(), phase).isEmpty()) continue;
      String base = variants.getFirst();
      for (String v : variants.subList(1, variants.size())) {
        for (String key : VERDICT_FIGURES) {
          Figure f = figure(key);
          out.add(
              phase
                  + ": "
                  + Comparison.of(
                          f.title(),
                          f.unit(),
                          f.higherIsBetter(),
                          v,
                          values(runs(o, v, phase), f),
                          base,
                          values(runs(o, base, phase), f))
                      .sentence());
        }
      }
    }
    for (String v : variants) {
      if (runs(o, v, RunResult.COLD).isEmpty()) continue;
      Figure f = figure("p99created");
      out.add(
          Comparison.of(
                  f.title(),
                  f.unit(),
                  false,
                  v + " cold",
                  values(runs(o, v, RunResult.COLD), f),
                  v + " warm",
                  values(runs(o, v, RunResult.WARM), f))
              .sentence());
    }
    for (CapacityResult c : o.capacity()) {
      String pg =
          o.pgbench() == null || !c.target().equals("order path")
              ? ""
              : String.format(
                  java.util.Locale.ROOT,
                  " = %.2f× pgbench's %.0f tps for the same statements",
                  c.knee().knee() / o.pgbench().ceilingTps(),
                  o.pgbench().ceilingTps());
      out.add(
          String.format(
              java.util.Locale.ROOT,
              "%s's %s knee: %d/s at p99 ≤ %.0f ms%s%s%s",
              c.variant(),
              c.target(),
              c.knee().knee(),
              c.sloMs(),
              c.knee().confirmed() ? " (confirmed by a second run)" : " (NOT confirmed)",
              c.knee().bounded() ? "" : " — the highest rate tried still passed",
              pg));
    }
    out.addAll(kneeRatios(o.capacity()));
    if (o.indexes() != null) {
      for (IndexStudy.Row r : o.indexes().rows()) {
        if (r.without() != null) {
          out.add(
              String.format(
                  java.util.Locale.ROOT,
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
    }
    if (o.battle() != null) {
      o.battle().comparisons().forEach(c -> out.add("battle: " + c.sentence()));
    }
    if (o.part() != null) {
      String id = o.part().scenario();
      o.part().comparisons().forEach(c -> out.add(id + ": " + c.sentence()));
      out.addAll(o.part().notes());
    }
    o.aborted().forEach(a -> out.add("ABORTED " + a));
    for (String v : variants) {
      long invalid = o.sales().stream().filter(r -> r.variant().equals(v) && !r.valid()).count();
      long failed =
          o.sales().stream()
              .filter(r -> r.variant().equals(v) && r.status().equals("FAILED"))
              .count();
      long disturbed =
          o.sales().stream().filter(r -> r.variant().equals(v) && r.machine().disturbed()).count();
      if (invalid + failed + disturbed > 0) {
        out.add(
            "%s: %d sale(s) FAILED the oracle, %d INVALID (excluded from every statistic), %d disturbed by outside load"
                .formatted(v, failed, invalid, disturbed));
      }
    }
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

  /** The battle side by side: per figure, each variant's median [range], then the verdict. */
  static List<String> battleHeader(BattleResult b) {
    List<String> header = new ArrayList<>(List.of("figure"));
    b.variants().forEach(v -> header.add(v + " (median [range])"));
    header.addAll(List.of("ratio [95 % CI]", "p", "verdict"));
    return header;
  }

  static List<List<String>> battleRows(BattleResult b) {
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
                            java.util.Locale.ROOT,
                            "%.2f× [%.2f–%.2f]",
                            c.ratio(),
                            c.low(),
                            c.high())
                        : "–");
                row.add(String.format(java.util.Locale.ROOT, "%.3f", c.p()));
                row.add(c.verdict().name().toLowerCase(java.util.Locale.ROOT));
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
    return bytes < 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
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

  static String status(List<RunResult> runs) {
    long failed = runs.stream().filter(r -> r.status().equals("FAILED")).count();
    long invalid = runs.stream().filter(r -> !r.valid()).count();
    String invalidNote = invalid > 0 ? ", " + invalid + " invalid" : "";
    if (failed > 0) return "FAILED " + failed + "/" + runs.size() + invalidNote;
    return invalid > 0
        ? "INVALID " + invalid + "/" + runs.size()
        : "passed " + runs.size() + "/" + runs.size();
  }

  /** The sale table's rows: variant, phase, oracle, then each figure, fairness, generator. */
  static List<List<String>> saleRows(Bench.Outcome o) {
    List<List<String>> rows = new ArrayList<>();
    for (String v : variants(o)) {
      for (String phase : List.of(RunResult.WARM, RunResult.COLD)) {
        List<RunResult> rs = runs(o, v, phase);
        if (rs.isEmpty()) continue;
        List<String> row = new ArrayList<>(List.of(v, phase, status(rs)));
        for (Figure f : FIGURES) row.add(stat(values(rs, f), f.unit()));
        row.add(
            stat(
                rs.stream()
                    .filter(RunResult::valid)
                    .map(r -> 100.0 * r.sale().firstServed() / Math.max(1, r.sale().stock()))
                    .toList(),
                "%"));
        row.add(
            stat(
                rs.stream().filter(RunResult::valid).map(r -> r.sale().rankCorrelation()).toList(),
                ""));
        row.add(stat(rs.stream().map(r -> (double) r.droppedArrivals()).toList(), ""));
        rows.add(row);
      }
    }
    return rows;
  }

  static List<String> saleHeader() {
    List<String> h = new ArrayList<>(List.of("variant", "phase", "oracle"));
    FIGURES.forEach(f -> h.add(f.title()));
    h.addAll(List.of("first S served", "ρ(arrival, success)", "late starts"));
    return h;
  }

  /** Per process: CPU s per 1,000 orders and RSS (warm sales). */
  static List<List<String>> processRows(Bench.Outcome o) {
    List<List<String>> rows = new ArrayList<>();
    for (String v : variants(o)) {
      List<RunResult> rs = runs(o, v, RunResult.WARM).stream().filter(RunResult::valid).toList();
      if (rs.isEmpty()) continue;
      for (String p : rs.getFirst().cpuPerThousandOrders().keySet()) {
        rows.add(
            List.of(
                v,
                p,
                stat(
                    rs.stream()
                        .map(r -> r.cpuPerThousandOrders().getOrDefault(p, Double.NaN))
                        .map(d -> d < 0 ? Double.NaN : d)
                        .toList(),
                    "s"),
                stat(
                    rs.stream()
                        .map(
                            r ->
                                p.equals(MetricsSource.GENERATOR)
                                    ? r.generatorPeakRssMib()
                                    : r.processes().get(p).peakRssMib())
                        .map(d -> d < 0 ? Double.NaN : d)
                        .toList(),
                    "MiB"),
                p.equals(MetricsSource.GENERATOR)
                    ? "–"
                    : stat(rs.stream().map(r -> r.processes().get(p).serverP99Ms()).toList(), "ms"),
                p.equals(MetricsSource.GENERATOR)
                    ? "–"
                    : stat(
                        rs.stream().map(r -> 100 * r.processes().get(p).cacheHitRatio()).toList(),
                        "%")));
      }
    }
    return rows;
  }

  /** Errors by variant, phase and answer, summed over the rounds (with how many sales saw any). */
  static List<List<String>> errorRows(Bench.Outcome o) {
    List<List<String>> rows = new ArrayList<>();
    for (String v : variants(o)) {
      for (String phase : List.of(RunResult.WARM, RunResult.COLD)) {
        List<RunResult> rs = runs(o, v, phase);
        Map<String, int[]> byAnswer = new java.util.TreeMap<>();
        for (RunResult r : rs) {
          r.sale()
              .errorsByOutcome()
              .forEach(
                  (answer, n) -> {
                    int[] acc = byAnswer.computeIfAbsent(answer, k -> new int[2]);
                    acc[0] += n;
                    acc[1]++;
                  });
        }
        byAnswer.forEach(
            (answer, acc) ->
                rows.add(
                    List.of(
                        v, phase, answer, Integer.toString(acc[0]), acc[1] + " of " + rs.size())));
      }
    }
    return rows;
  }

  static final List<String> INDEX_HEADER =
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

  static List<List<String>> indexRows(Bench.Outcome o) {
    List<List<String>> rows = new ArrayList<>();
    if (o.indexes() == null) return rows;
    for (IndexStudy.Row r : o.indexes().rows()) {
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

  static String indexStudyLine(IndexStudy.Result r) {
    return Svg.f(
        "Seeded in %.0f s: %s. Each statement is one of the services' own (their .sql files), run %d"
            + " times under EXPLAIN (ANALYZE, BUFFERS) with its parameters bound; the median run"
            + " counts. \"Without\" drops the index inside a transaction that is rolled back. Plans"
            + " as JSON in plans/.",
        r.seedSeconds(), r.seeded().toString(), IndexStudy.EXECUTIONS);
  }

  static List<List<String>> capacityRows(Bench.Outcome o) {
    List<List<String>> rows = new ArrayList<>();
    for (CapacityResult c : o.capacity()) {
      for (CapacityResult.StepFigures s : c.steps()) {
        rows.add(
            List.of(
                c.variant() + " (" + c.target() + ")",
                s.rate()
                    + "/s"
                    + (s.confirmation() ? " (again)" : "")
                    + (s.multiple() > 0 ? Svg.f(" (%.1f× knee)", s.multiple()) : ""),
                s.passed() ? "meets" : "fails: " + s.why(),
                answers(s),
                Svg.f("%.1f", s.p50Ms()),
                Svg.f("%.1f", s.p99Ms()),
                Svg.f("%.2f %%", s.errorRate() * 100),
                Svg.f("%.2f %%", s.droppedFraction() * 100),
                Svg.f("%.0f", s.achievedRate()),
                Svg.f("%.2f", s.machine().othersCores())
                    + (s.machine().disturbed() ? " (disturbed)" : "")));
      }
    }
    return rows;
  }

  static final List<String> FAULT_HEADER =
      List.of(
          "variant",
          "sale",
          "fault",
          "struck at",
          "back after",
          "buying again after",
          "answers while down",
          "oracle");

  /** One row per sale that had a fault injected. */
  static List<List<String>> faultRows(Bench.Outcome o) {
    List<List<String>> rows = new ArrayList<>();
    for (RunResult r : o.sales()) {
      var f = r.fault();
      if (f == null) {
        continue;
      }
      rows.add(
          List.of(
              r.variant(),
              r.phase() + " #" + r.round(),
              f.fault() + (f.error().isEmpty() ? "" : " (" + f.error() + ")"),
              Svg.f("%.1f s", f.atSecond()),
              Double.isNaN(f.downSeconds()) ? "never" : Svg.f("%.1f s", f.downSeconds()),
              Double.isNaN(f.recoverySeconds()) ? "–" : Svg.f("%.1f s", f.recoverySeconds()),
              f.answersWhileDown().entrySet().stream()
                  .map(e -> e.getKey() + " ×" + e.getValue())
                  .collect(java.util.stream.Collectors.joining(", ")),
              r.status()
                  + (r.violations().isEmpty() ? "" : ": " + String.join("; ", r.violations()))
                  + (f.notes().isEmpty() ? "" : " (note: " + String.join("; ", f.notes()) + ")")));
    }
    return rows;
  }

  static final List<String> ASYNC_HEADER =
      List.of(
          "variant",
          "sale",
          "202 p50 / p99",
          "decision seen p99 (polling)",
          "decision recorded p50 / p99 / max",
          "drain after last 202",
          "outbox rows max (order / decision)",
          "outbox lag max (order / decision)",
          "queue depth max (placed / decided)",
          "dead letters");

  /** One row per sale of a Phase 5 variant: acceptance and decision apart, backlogs, DLQ. */
  static List<List<String>> asyncRows(Bench.Outcome o) {
    List<List<String>> rows = new ArrayList<>();
    for (RunResult r : o.sales()) {
      var a = r.async();
      if (a == null) {
        continue;
      }
      rows.add(
          List.of(
              r.variant(),
              r.phase() + " #" + r.round(),
              Svg.f(
                  "%.0f / %.0f ms",
                  a.acceptedMs().getOrDefault("p50", Double.NaN),
                  a.acceptedMs().getOrDefault("p99", Double.NaN)),
              Svg.f("%.0f ms", a.decidedMs().getOrDefault("p99", Double.NaN)),
              Svg.f(
                  "%.0f / %.0f / %.0f ms",
                  a.serverDecisionMs().getOrDefault("p50", Double.NaN),
                  a.serverDecisionMs().getOrDefault("p99", Double.NaN),
                  a.serverDecisionMs().getOrDefault("max", Double.NaN)),
              Svg.f("%.1f s", a.drainSeconds()),
              a.maxBacklog().getOrDefault("order-outbox", 0L)
                  + " / "
                  + a.maxBacklog().getOrDefault("decision-outbox", 0L),
              a.maxLagMs().getOrDefault("order-outbox", 0L)
                  + " / "
                  + a.maxLagMs().getOrDefault("decision-outbox", 0L)
                  + " ms",
              a.maxBacklog()
                      .getOrDefault(
                          com.flashdeal.servicecore.messaging.Topology.ORDER_PLACED_QUEUE, 0L)
                  + " / "
                  + a.maxBacklog()
                      .getOrDefault(
                          com.flashdeal.servicecore.messaging.Topology.STOCK_DECIDED_QUEUE, 0L),
              Long.toString(a.deadLetters())));
    }
    return rows;
  }

  static final List<String> ERROR_HEADER =
      List.of("variant", "phase", "answer", "count (all rounds)", "sales with it");

  /** "201 62 % · 503 31 % · 409 7 %": the answers of a step, largest share first. */
  static String answers(CapacityResult.StepFigures s) {
    long all = s.answers().values().stream().mapToLong(Long::longValue).sum();
    if (all == 0) {
      return "–";
    }
    return s.answers().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + Svg.f("%.0f %%", 100.0 * e.getValue() / all))
        .collect(java.util.stream.Collectors.joining(" · "));
  }

  static final List<String> CAPACITY_HEADER =
      List.of(
          "variant",
          "rate",
          "SLO",
          "answers",
          "p50 ms",
          "p99 ms",
          "errors",
          "late starts",
          "achieved/s",
          "others' cores");

  static List<List<String>> runRows(Bench.Outcome o) {
    List<List<String>> rows = new ArrayList<>();
    for (RunResult r : o.sales()) {
      rows.add(
          List.of(
              r.variant(),
              r.phase() + " #" + r.round(),
              r.status(),
              r.ledger().toString(),
              Svg.f(
                  "load %.2f, steal %.1f %%, others %.2f cores%s",
                  r.machine().loadAverage(),
                  r.machine().stealPercent(),
                  r.machine().othersCores(),
                  r.machine().disturbed() ? " — DISTURBED" : ""),
              String.join("; ", r.violations())));
    }
    return rows;
  }

  private static String markdown(
      Map<String, Object> env, Bench.Settings s, Bench.Outcome o, List<String> verdicts) {
    StringBuilder md = new StringBuilder("# Flash Deal benchmark — " + s.scenario() + "\n\n");
    md.append(settingsLine(s)).append("\n\n");
    md.append(headline(o)).append("\n\n## Verdicts\n\n");
    verdicts.forEach(v -> md.append("- ").append(v).append("\n"));
    if (!o.sales().isEmpty()) {
      table(md, saleHeader(), saleRows(o));
      md.append("\n## CPU per 1,000 orders and memory (warm sales)\n\n");
      table(
          md,
          List.of(
              "variant", "process", "CPU s / 1,000 orders", "RSS", "server p99", "cache hit ratio"),
          processRows(o));
      md.append("\n## Errors by status and code\n\n");
      table(md, ERROR_HEADER, errorRows(o));
      if (!faultRows(o).isEmpty()) {
        md.append("\n## Faults\n\n");
        table(md, FAULT_HEADER, faultRows(o));
      }
      if (!asyncRows(o).isEmpty()) {
        md.append("\n## Asynchronous path (Phase 5)\n\n");
        table(md, ASYNC_HEADER, asyncRows(o));
      }
    }
    if (!o.warmups().isEmpty()) {
      md.append("\n## Warm-up to steady state\n\n");
      table(md, WARMUP_HEADER, warmupRows(o));
    }
    if (o.part() != null) {
      for (var section : o.part().sections()) {
        md.append("\n## ").append(section.title()).append("\n\n");
        table(md, section.header(), section.rows());
      }
    }
    if (!o.capacity().isEmpty()) {
      md.append("\n## Knee search steps\n\n");
      table(md, CAPACITY_HEADER, capacityRows(o));
      if (o.pgbench() != null) {
        md.append(
            Svg.f(
                "\npgbench (%d clients per database, %d s): reserve %.0f tps, order insert %.0f tps\n",
                o.pgbench().clients(),
                o.pgbench().seconds(),
                o.pgbench().reserveTps(),
                o.pgbench().insertTps()));
      }
    }
    if (o.battle() != null) {
      md.append("\n## Stacks side by side (").append(o.battle().service()).append(")\n\n");
      table(md, battleHeader(o.battle()), battleRows(o.battle()));
      md.append("\n");
      table(md, ARTIFACT_HEADER, artifactRows(o.battle()));
    }
    if (o.indexes() != null) {
      md.append("\n## Index study\n\n").append(indexStudyLine(o.indexes())).append("\n");
      table(md, INDEX_HEADER, indexRows(o));
    }
    md.append("\n## Runs\n\n");
    table(md, List.of("variant", "sale", "status", "ledger", "machine", "violations"), runRows(o));
    md.append("\n## Environment\n\n");
    table(
        md,
        List.of("", ""),
        env.entrySet().stream()
            .map(e -> List.of(e.getKey(), String.valueOf(e.getValue())))
            .toList());
    return md.toString();
  }

  /**
   * Each variant's knee against the first variant's for the same target. One search per variant has
   * no spread: the ratio is stated with the bisection's precision, and a knee that was not
   * confirmed, or lies above the highest rate tried, says so.
   */
  static List<String> kneeRatios(List<CapacityResult> capacity) {
    List<String> out = new ArrayList<>();
    Map<String, CapacityResult> first = new LinkedHashMap<>();
    for (CapacityResult c : capacity) {
      CapacityResult base = first.putIfAbsent(c.target(), c);
      if (base == null || base.knee().knee() == 0) continue;
      double ratio = (double) c.knee().knee() / base.knee().knee();
      out.add(
          String.format(
              java.util.Locale.ROOT,
              "%s knee: %s %.2f× %s (%d/s against %d/s; each knee ±10 %% by the bisection%s)",
              c.target(),
              c.variant(),
              ratio,
              base.variant(),
              c.knee().knee(),
              base.knee().knee(),
              !c.knee().bounded() || !base.knee().bounded()
                  ? "; a knee at the highest rate tried is a lower bound"
                  : ""));
    }
    return out;
  }

  static String settingsLine(Bench.Settings s) {
    if (com.flashdeal.harness.scenario.Scenarios.of(s.scenario()).isPresent()) {
      String prefix = s.scenario() + ".";
      return "%s: %d round(s) of %s; %s."
          .formatted(
              com.flashdeal.harness.scenario.Scenarios.of(s.scenario()).get().summary(),
              s.repeat(),
              String.join(", ", s.variants()),
              s.options().entrySet().stream()
                  .filter(e -> e.getKey().startsWith(prefix))
                  .map(e -> e.getKey().substring(prefix.length()) + " " + e.getValue())
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
    return s.scenario().equals("sale")
        ? "Sale: S = %d units, U = %d arrivals at R = %d/s, %d round(s) of %s; warm-up to steady state (at most %d s) before each warm sale; figures are median [min–max] over valid runs."
            .formatted(
                s.stock(),
                s.users(),
                s.rate(),
                s.repeat(),
                String.join(", ", s.variants()),
                s.warmupSeconds())
        : s.scenario().equals("explain")
            ? "Index study: a history of %,d past orders (%s), the hot statements planned with and without each index."
                .formatted(s.volumeOrders(), IndexStudy.Sizes.of(s.volumeOrders()))
            : "Knee search: %d s steps after a 2 s lead-in, doubling from %d/s then bisecting; SLO: %s, errors and arrivals the generator started late ≤ 1 %%."
                .formatted(
                    s.stepSeconds(),
                    s.startRate(),
                    switch (s.scenario()) {
                      case "sold-out" ->
                          "p99 of SOLD_OUT answers on a sold-out deal ≤ %.0f ms (any other answer is an error)"
                              .formatted(s.soldOutSloMs());
                      case "login" -> "login p99 ≤ %.0f ms".formatted(s.loginSloMs());
                      default -> "order p99 ≤ %.0f ms".formatted(s.sloMs());
                    });
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

  /** The run whose warm sell-out (or p99) is the median: the one the time-series charts show. */
  static RunResult medianRun(List<RunResult> runs) {
    List<RunResult> valid = new ArrayList<>(runs.stream().filter(RunResult::valid).toList());
    if (valid.isEmpty()) return runs.isEmpty() ? null : runs.getFirst();
    valid.sort(
        java.util.Comparator.comparingDouble(
            r -> {
              double v = r.sale().createdMs().getOrDefault("p99", Double.NaN);
              return Double.isNaN(v) ? Double.MAX_VALUE : v;
            }));
    return valid.get(valid.size() / 2);
  }
}
