package com.flashdeal.harness.report;

import com.flashdeal.harness.Bench;
import com.flashdeal.harness.RunResult;
import com.flashdeal.harness.capacity.CapacityResult;
import com.flashdeal.harness.load.SaleFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * report.html: verdicts first, then the charts (sell-out curve, throughput and p99 over time,
 * latency spectrum, capacity curve, CPU per 1,000 orders), then the tables. Fits 1280 px without
 * horizontal scrolling: charts in a two-column grid, wide tables scroll inside their own box.
 */
final class Html {
  private Html() {}

  static String render(
      Map<String, Object> env, Bench.Settings s, Bench.Outcome o, List<String> verdicts) {
    StringBuilder h =
        new StringBuilder(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>Flash Deal benchmark</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#222;line-height:1.4}"
                + "h1{margin:0 0 4px}.sub{color:#555;margin:0 0 16px}h2{margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}"
                + ".verdicts li{margin:4px 0}.worse{color:#b00020;font-weight:600}.better{color:#137a3a;font-weight:600}.inconclusive{color:#666}"
                + ".charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px}"
                + "figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:10px}figcaption{font-weight:600;margin-bottom:6px}"
                + ".note{color:#666;font-size:12px;margin-top:4px}.scroll{overflow-x:auto}"
                + "table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #ddd;padding:3px 7px;text-align:right;vertical-align:top}"
                + "th{background:#f6f6f6}td:first-child,th:first-child,td.l{text-align:left}.FAILED{color:#b00020;font-weight:700}"
                + "</style></head><body>");
    h.append("<h1>Flash Deal benchmark — ")
        .append(Svg.esc(s.scenario()))
        .append("</h1><p class=\"sub\">")
        .append(Svg.esc(Report.settingsLine(s)))
        .append("</p>");
    h.append("<p class=\"headline\"><b>").append(Svg.esc(Report.headline(o))).append("</b></p>");
    h.append("<h2>Verdicts</h2><ul class=\"verdicts\">");
    for (String v : verdicts) {
      String cls =
          v.endsWith(": worse")
              ? "worse"
              : v.endsWith(": better")
                  ? "better"
                  : v.endsWith(": inconclusive") ? "inconclusive" : "";
      h.append("<li class=\"").append(cls).append("\">").append(Svg.esc(v)).append("</li>");
    }
    h.append("</ul>");
    h.append("<div class=\"charts\">");
    if (!o.sales().isEmpty()) {
      saleCharts(h, o);
    }
    if (!o.capacity().isEmpty()) {
      capacityChart(h, o);
    }
    h.append("</div>");
    if (!o.warmups().isEmpty()) {
      h.append("<h2>Warm-up to steady state</h2>");
      table(h, Report.WARMUP_HEADER, Report.warmupRows(o));
    }
    if (o.part() != null) {
      for (var section : o.part().sections()) {
        h.append("<h2>").append(Svg.esc(section.title())).append("</h2>");
        table(h, section.header(), section.rows());
      }
    }
    if (!o.sales().isEmpty()) {
      h.append("<h2>Sales</h2>");
      table(h, Report.saleHeader(), Report.saleRows(o));
      h.append("<h2>CPU per 1,000 orders and memory (warm sales)</h2>");
      table(
          h,
          List.of(
              "variant", "process", "CPU s / 1,000 orders", "RSS", "server p99", "cache hit ratio"),
          Report.processRows(o));
      h.append("<h2>Errors by status and code</h2>");
      List<List<String>> errors = Report.errorRows(o);
      if (errors.isEmpty())
        h.append("<p>No errors: every order was answered 201 or 409 SOLD_OUT.</p>");
      else table(h, Report.ERROR_HEADER, errors);
      List<List<String>> faults = Report.faultRows(o);
      if (!faults.isEmpty()) {
        h.append("<h2>Faults</h2>");
        table(h, Report.FAULT_HEADER, faults);
      }
      List<List<String>> async = Report.asyncRows(o);
      if (!async.isEmpty()) {
        h.append("<h2>Asynchronous path (Phase 5)</h2><p class=\"note\">")
            .append(
                Svg.esc(
                    "202: the buyer's wait to be accepted. Decision seen: to the CONFIRMED or"
                        + " REJECTED found by polling (100 ms doubling to 1 s). Decision recorded:"
                        + " order-service's updated_at - created_at, without the polling's steps."))
            .append("</p>");
        table(h, Report.ASYNC_HEADER, async);
        asyncChart(h, o);
      }
    }
    if (!o.capacity().isEmpty()) {
      h.append("<h2>Knee search steps</h2>");
      table(h, Report.CAPACITY_HEADER, Report.capacityRows(o));
      if (o.pgbench() != null) {
        h.append("<p>")
            .append(
                Svg.esc(
                    Svg.f(
                        "pgbench, same statements (%d clients per database, %d s, concurrently): reserve %.0f tps, order insert %.0f tps.",
                        o.pgbench().clients(),
                        o.pgbench().seconds(),
                        o.pgbench().reserveTps(),
                        o.pgbench().insertTps())))
            .append("</p>");
      }
    }
    if (o.battle() != null) {
      h.append("<h2>Stacks side by side (")
          .append(Svg.esc(o.battle().service()))
          .append(")</h2><p class=\"note\">")
          .append(
              Svg.esc(
                  "Rounds interleave the variants; the 50 % and 90 % steps are at the reference's"
                      + " knee of the same round; a verdict needs 4 rounds a side, p < 0.05 and a"
                      + " 95 % interval of the ratio that excludes 1."))
          .append("</p>");
      table(h, Report.battleHeader(o.battle()), Report.battleRows(o.battle()));
      table(h, Report.ARTIFACT_HEADER, Report.artifactRows(o.battle()));
    }
    if (o.indexes() != null) {
      h.append("<h2>Index study</h2><p>")
          .append(Svg.esc(Report.indexStudyLine(o.indexes())))
          .append("</p>");
      table(h, Report.INDEX_HEADER, Report.indexRows(o));
    }
    h.append("<h2>Runs</h2>");
    table(
        h,
        List.of("variant", "sale", "status", "ledger", "machine", "violations"),
        Report.runRows(o));
    h.append("<h2>Environment</h2>");
    List<List<String>> envRows = new ArrayList<>();
    env.forEach((k, v) -> envRows.add(List.of(k, String.valueOf(v))));
    table(h, List.of("", ""), envRows);
    return h.append("</body></html>").toString();
  }

  private static void saleCharts(StringBuilder h, Bench.Outcome o) {
    List<String> variants = Report.variants(o);
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
        RunResult r = Report.medianRun(Report.runs(o, v, phase));
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
              Report.runs(o, v, phase).stream()
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
    figure(
        h,
        "Sell-out curve: units left over time (median run by p99)",
        Svg.lines("seconds since the deal opened", "units left", left, false, false, faults),
        "Dashed: cold (the deal opens right after the services start).");
    figure(
        h,
        "Order answers per second (1 s buckets)",
        Svg.lines("seconds", "answers/s", rate, false, false, faults),
        "");
    figure(
        h,
        "Order p99 over time (1 s buckets, log)",
        Svg.lines("seconds", "p99 ms", p99, false, true, faults),
        "");
    figure(
        h,
        "Latency spectrum of order answers (HDR style)",
        Svg.lines(
            "percentile: 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9, 10000 = p99.99",
            "ms",
            spectrum,
            true,
            true,
            List.of()),
        "x = 1/(1-q) on a log axis; each point is the median of that percentile over the valid runs.");
    // CPU per 1,000 orders per process (warm, median over valid runs).
    List<String> processes = new ArrayList<>();
    for (String v : variants) {
      Report.runs(o, v, RunResult.WARM).stream()
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
            Report.runs(o, variants.get(i), RunResult.WARM).stream()
                .filter(RunResult::valid)
                .mapToDouble(r -> r.cpuPerThousandOrders().getOrDefault(p, -1.0))
                .filter(d -> d >= 0)
                .toArray();
        values[i][j] =
            vals.length == 0 ? Double.NaN : com.flashdeal.harness.stats.Bootstrap.median(vals);
      }
    }
    figure(
        h,
        "CPU seconds per 1,000 orders, per process (warm sales)",
        Svg.bars(variants, processes, values, "CPU s / 1,000 orders"),
        "The whole sale window (SOLD_OUT answers included) divided by units sold.");
  }

  private static void capacityChart(StringBuilder h, Bench.Outcome o) {
    List<Svg.Series> series = new ArrayList<>();
    List<Svg.Mark> marks = new ArrayList<>();
    double slo = 0;
    int i = 0;
    for (CapacityResult c : o.capacity()) {
      String color = Svg.COLORS[i++ % Svg.COLORS.length];
      List<double[]> points =
          c.steps().stream()
              .filter(s -> !s.confirmation())
              .sorted(java.util.Comparator.comparingInt(CapacityResult.StepFigures::rate))
              .map(s -> new double[] {s.rate(), s.p99Ms()})
              .toList();
      series.add(
          new Svg.Series(
              c.variant().replace("phase1-", "") + " (" + c.target() + ")", color, false, points));
      marks.add(new Svg.Mark(true, c.knee().knee(), "knee " + c.knee().knee() + "/s", color));
      slo = c.sloMs();
    }
    marks.add(new Svg.Mark(false, slo, "SLO " + Svg.num(slo) + " ms", "#b00020"));
    figure(
        h,
        "Capacity curve: rate vs p99 (log), knee marked",
        Svg.lines("arrivals/s", "p99 ms", series, false, true, marks),
        o.pgbench() == null
            ? ""
            : Svg.f(
                "pgbench ceiling for the same statements: %.0f tps.", o.pgbench().ceilingTps()));
  }

  /** Outbox rows and queue depth over the last Phase 5 sale with a fault, else the last one. */
  private static void asyncChart(StringBuilder h, Bench.Outcome o) {
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
    h.append("<div class=\"charts\">");
    figure(
        h,
        "Waiting messages over time: "
            + run.variant()
            + " "
            + run.phase()
            + " #"
            + run.round()
            + (run.fault() == null ? "" : " (" + run.fault().fault() + ")"),
        Svg.lines(
            "seconds since the sale started", "rows / messages", series, false, false, List.of()),
        "Dashed: the outboxes (rows not yet confirmed by the broker); solid: the queues. Gaps: the broker"
            + " could not be asked (restarting).");
    h.append("</div>");
  }

  private static void figure(StringBuilder h, String title, String svg, String note) {
    h.append("<figure><figcaption>").append(Svg.esc(title)).append("</figcaption>").append(svg);
    if (!note.isEmpty()) h.append("<div class=\"note\">").append(Svg.esc(note)).append("</div>");
    h.append("</figure>");
  }

  private static void table(StringBuilder h, List<String> header, List<List<String>> rows) {
    h.append("<div class=\"scroll\"><table><tr>");
    header.forEach(c -> h.append("<th>").append(Svg.esc(c)).append("</th>"));
    h.append("</tr>");
    for (List<String> r : rows) {
      h.append("<tr>");
      for (String c : r) {
        String cls =
            c.startsWith("FAILED") ? " class=\"FAILED\"" : c.length() > 24 ? " class=\"l\"" : "";
        h.append("<td").append(cls).append(">").append(Svg.esc(c)).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table></div>");
  }
}
