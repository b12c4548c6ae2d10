package com.flashdeal.harness.sale;

import static com.flashdeal.harness.report.Report.stat;

import com.flashdeal.harness.load.SaleFigures;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.report.Svg;
import com.flashdeal.harness.scenario.ScenarioReport;
import com.flashdeal.harness.stats.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The sale's part of the report: per variant and phase the figures (median [range] over valid
 * runs), the verdicts against the first variant, per process CPU and memory, errors, faults, the
 * asynchronous path, the runs; the sell-out curve, answers and p99 over time, the latency spectrum
 * and CPU per 1,000 orders as charts. Statistics use valid runs only; INVALID runs are counted and
 * listed, never averaged in.
 *
 * @param aborted rounds that could not finish (listed by the report)
 */
public record SaleReport(List<RunResult> sales, List<String> aborted) implements ScenarioReport {

  public SaleReport {
    sales = List.copyOf(sales);
    aborted = List.copyOf(aborted);
  }

  @Override
  public String scenario() {
    return "sale";
  }

  /** The warm sales' verdict figures, each variant against the first. */
  @Override
  public List<Comparison> comparisons() {
    List<Comparison> all = new ArrayList<>();
    List<String> variants = variants(this);
    if (variants.isEmpty() || runs(this, variants.getFirst(), RunResult.WARM).isEmpty()) {
      return all;
    }
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
                values(runs(this, v, RunResult.WARM), f),
                base,
                values(runs(this, base, RunResult.WARM), f)));
      }
    }
    return all;
  }

  @Override
  public List<String> verdicts() {
    return verdictLines(this);
  }

  @Override
  public List<Chart> charts() {
    List<Chart> charts = new ArrayList<>();
    if (!sales.isEmpty()) {
      saleCharts(charts, this);
      asyncChart(charts, this);
    }
    return charts;
  }

  @Override
  public List<Section> sections() {
    List<Section> out = new ArrayList<>();
    out.add(new Section("Sales", saleHeader(), saleRows(this)));
    out.add(
        new Section(
            "CPU per 1,000 orders and memory (warm sales)",
            List.of(
                "variant",
                "process",
                "CPU s / 1,000 orders",
                "RSS",
                "server p99",
                "cache hit ratio"),
            processRows(this)));
    List<List<String>> errors = errorRows(this);
    out.add(
        errors.isEmpty()
            ? new Section(
                "Errors by status and code",
                "No errors: every order was answered 201 or 409 SOLD_OUT.",
                List.of(),
                List.of())
            : new Section("Errors by status and code", ERROR_HEADER, errors));
    List<List<String>> faults = faultRows(this);
    if (!faults.isEmpty()) {
      out.add(new Section("Faults", FAULT_HEADER, faults));
    }
    List<List<String>> async = asyncRows(this);
    if (!async.isEmpty()) {
      out.add(
          new Section(
              "Asynchronous path (Phase 5)",
              "202: the buyer's wait to be accepted. Decision seen: to the CONFIRMED or REJECTED"
                  + " found by polling (100 ms doubling to 1 s). Decision recorded: order-service's"
                  + " updated_at - created_at, without the polling's steps.",
              ASYNC_HEADER,
              async));
    }
    out.add(
        new Section(
            "Runs",
            List.of("variant", "sale", "status", "ledger", "machine", "violations"),
            runRows(this)));
    return out;
  }

  @Override
  public List<Judged> judged() {
    return sales.stream()
        .map(r -> new Judged(r.variant(), r.phase() + " #" + r.round(), r.status(), r.violations()))
        .toList();
  }

  @Override
  public Object json() {
    return Map.of("sales", sales);
  }

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
              SaleReport::totalCpuPerThousand));

  /** The figures a verdict sentence is given for (the rest are in the tables). */
  static final List<String> VERDICT_FIGURES =
      List.of("p99created", "p99soldOut", "sellOut", "cpuPer1000");

  static double totalCpuPerThousand(RunResult r) {
    double sum = 0;
    for (double v : r.cpuPerThousandOrders().values()) {
      if (v < 0) return Double.NaN;
      sum += v;
    }
    return sum;
  }

  static List<String> variants(SaleReport o) {
    List<String> v = new ArrayList<>();
    o.sales()
        .forEach(
            r -> {
              if (!v.contains(r.variant())) v.add(r.variant());
            });
    return v;
  }

  static List<RunResult> runs(SaleReport o, String variant, String phase) {
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
   * Verdict sentences: each variant against the first (warm, then cold), cold against warm, then
   * the runs that failed the oracle, were invalid or disturbed.
   */
  static List<String> verdictLines(SaleReport o) {
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
  static List<List<String>> saleRows(SaleReport o) {
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
  static List<List<String>> processRows(SaleReport o) {
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
  static List<List<String>> errorRows(SaleReport o) {
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
  static List<List<String>> faultRows(SaleReport o) {
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
  static List<List<String>> asyncRows(SaleReport o) {
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

  static List<List<String>> runRows(SaleReport o) {
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

  private static void saleCharts(List<Chart> h, SaleReport o) {
    List<String> variants = variants(o);
    List<Svg.Series> left = new ArrayList<>();
    List<Svg.Series> rate = new ArrayList<>();
    List<Svg.Series> p99 = new ArrayList<>();
    List<Svg.Series> spectrum = new ArrayList<>();
    // A fault is marked where it struck (the median run's, per variant).
    List<Svg.Mark> faults = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      String v = variants.get(i);
      String c = Svg.COLORS[i % Svg.COLORS.length];
      for (String phase : List.of(RunResult.WARM, RunResult.COLD)) {
        RunResult r = medianRun(runs(o, v, phase));
        if (r == null) continue;
        boolean dashed = phase.equals(RunResult.COLD);
        String name = v.replace("phase1-", "") + " " + phase;
        List<double[]> units = new ArrayList<>(List.of(new double[] {0, r.sale().stock()}));
        List<double[]> answers = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        for (SaleFigures.Bucket b : r.sale().timeline()) {
          units.add(new double[] {b.second() + 1, b.unitsLeft()});
          answers.add(new double[] {b.second() + 0.5, b.answers()});
          p.add(new double[] {b.second() + 0.5, b.p99Ms()});
        }
        if (r.fault() != null) {
          faults.add(
              new Svg.Mark(true, r.fault().atSecond(), r.fault().fault().replaceAll("@.*", ""), c));
        }
        left.add(new Svg.Series(name, c, dashed, units));
        rate.add(new Svg.Series(name, c, dashed, answers));
        p99.add(new Svg.Series(name, c, dashed, p));
        // Spectrum: per quantile, the median over the valid runs of this variant and phase.
        List<double[]> points = new ArrayList<>();
        for (double q : SaleFigures.SPECTRUM) {
          if (q >= 1.0) continue;
          String label = SaleFigures.label(q);
          double[] vals =
              runs(o, v, phase).stream()
                  .filter(RunResult::valid)
                  .mapToDouble(x -> x.sale().allMs().getOrDefault(label, Double.NaN))
                  .filter(Double::isFinite)
                  .toArray();
          if (vals.length > 0)
            points.add(
                new double[] {1 / (1 - q), com.flashdeal.harness.stats.Bootstrap.median(vals)});
        }
        spectrum.add(new Svg.Series(name, c, dashed, points));
      }
    }
    h.add(
        new Chart(
            "Sell-out curve: units left over time (median run by p99)",
            Svg.lines("seconds since the deal opened", "units left", left, false, false, faults),
            "Dashed: cold (the deal opens right after the services start)."));
    h.add(
        new Chart(
            "Order answers per second (1 s buckets)",
            Svg.lines("seconds", "answers/s", rate, false, false, faults),
            ""));
    h.add(
        new Chart(
            "Order p99 over time (1 s buckets, log)",
            Svg.lines("seconds", "p99 ms", p99, false, true, faults),
            ""));
    h.add(
        new Chart(
            "Latency spectrum of order answers (HDR style)",
            Svg.lines(
                "percentile: 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9, 10000 = p99.99",
                "ms",
                spectrum,
                true,
                true,
                List.of()),
            "x = 1/(1-q) on a log axis; each point is the median of that percentile over the valid runs."));
    // CPU per 1,000 orders per process (warm, median over valid runs).
    List<String> processes = new ArrayList<>();
    for (String v : variants) {
      runs(o, v, RunResult.WARM).stream()
          .findFirst()
          .ifPresent(
              r ->
                  r.cpuPerThousandOrders()
                      .keySet()
                      .forEach(
                          p -> {
                            if (!processes.contains(p)) processes.add(p);
                          }));
    }
    double[][] values = new double[variants.size()][processes.size()];
    for (int i = 0; i < variants.size(); i++) {
      for (int j = 0; j < processes.size(); j++) {
        String p = processes.get(j);
        double[] vals =
            runs(o, variants.get(i), RunResult.WARM).stream()
                .filter(RunResult::valid)
                .mapToDouble(r -> r.cpuPerThousandOrders().getOrDefault(p, -1.0))
                .filter(d -> d >= 0)
                .toArray();
        values[i][j] =
            vals.length == 0 ? Double.NaN : com.flashdeal.harness.stats.Bootstrap.median(vals);
      }
    }
    h.add(
        new Chart(
            "CPU seconds per 1,000 orders, per process (warm sales)",
            Svg.bars(variants, processes, values, "CPU s / 1,000 orders"),
            "The whole sale window (SOLD_OUT answers included) divided by units sold."));
  }

  /** Outbox rows and queue depth over the last Phase 5 sale with a fault, else the last one. */
  private static void asyncChart(List<Chart> h, SaleReport o) {
    RunResult run = null;
    for (RunResult r : o.sales()) {
      if (r.async() != null && (run == null || r.fault() != null || run.fault() == null)) {
        run = r;
      }
    }
    if (run == null || run.async().timeline().isEmpty()) {
      return;
    }
    List<Svg.Series> series = new ArrayList<>();
    String[] keys = {
      "order-outbox",
      com.flashdeal.servicecore.messaging.Topology.ORDER_PLACED_QUEUE,
      "decision-outbox",
      com.flashdeal.servicecore.messaging.Topology.STOCK_DECIDED_QUEUE
    };
    for (int i = 0; i < keys.length; i++) {
      String key = keys[i];
      List<double[]> points = new ArrayList<>();
      for (var sample : run.async().timeline()) {
        Long v = sample.backlog().get(key);
        if (v != null) {
          points.add(new double[] {sample.second(), v});
        }
      }
      series.add(new Svg.Series(key, Svg.COLORS[i], key.contains("outbox"), points));
    }
    h.add(
        new Chart(
            "Waiting messages over time: "
                + run.variant()
                + " "
                + run.phase()
                + " #"
                + run.round()
                + (run.fault() == null ? "" : " (" + run.fault().fault() + ")"),
            Svg.lines(
                "seconds since the sale started",
                "rows / messages",
                series,
                false,
                false,
                List.of()),
            "Dashed: the outboxes (rows not yet confirmed by the broker); solid: the queues. Gaps: the broker"
                + " could not be asked (restarting)."));
  }
}
