package com.flashdeal.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * report.json (everything), report.md (the table) and report.html (charts a person would rather
 * read). Each figure is the median over repeats with its spread (min–max); two variants whose
 * spreads overlap are "inconclusive".
 */
final class Report {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  record Stat(double median, double min, double max) {
    static Stat of(List<Double> values) {
      List<Double> v = values.stream().filter(d -> !Double.isNaN(d)).sorted().toList();
      if (v.isEmpty()) {
        return new Stat(Double.NaN, Double.NaN, Double.NaN);
      }
      double median =
          v.size() % 2 == 1
              ? v.get(v.size() / 2)
              : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
      return new Stat(median, v.get(0), v.get(v.size() - 1));
    }

    boolean overlaps(Stat other) {
      return !(max < other.min || other.max < min);
    }

    String text(String unit) {
      return Double.isNaN(median) ? "–" : "%.1f %s [%.1f–%.1f]".formatted(median, unit, min, max);
    }
  }

  record Metric(
      String key,
      String title,
      String unit,
      boolean higherIsBetter,
      ToDoubleFunction<RunResult> value) {}

  static final List<Metric> METRICS =
      List.of(
          new Metric("rps", "Throughput (client requests/s)", "req/s", true, r -> r.client().rps()),
          new Metric(
              "goodput", "Goodput (orders created/s)", "orders/s", true, r -> r.client().goodput()),
          new Metric("p50", "Latency p50, all requests", "ms", false, r -> r.client().p50Ms()),
          new Metric("p99", "Latency p99, all requests", "ms", false, r -> r.client().p99Ms()),
          new Metric("p999", "Latency p99.9, all requests", "ms", false, r -> r.client().p999Ms()),
          new Metric("orderP99", "Order request p99", "ms", false, r -> r.client().orderP99Ms()),
          new Metric("errors", "Error rate", "%", false, r -> r.client().errorRate() * 100));

  static void write(
      Path dir, Map<String, Object> environment, Bench.Settings settings, List<RunResult> runs)
      throws IOException {
    List<String> variants = runs.stream().map(RunResult::variant).distinct().toList();
    Map<String, Map<String, Stat>> stats = new LinkedHashMap<>();
    for (String v : variants) {
      List<RunResult> of = runs.stream().filter(r -> r.variant().equals(v)).toList();
      Map<String, Stat> s = new LinkedHashMap<>();
      for (Metric m : METRICS) {
        s.put(m.key(), Stat.of(of.stream().map(r -> m.value().applyAsDouble(r)).toList()));
      }
      for (String service : of.get(0).services().keySet()) {
        s.put(
            "cpu:" + service,
            Stat.of(of.stream().map(r -> r.services().get(service).cpuSeconds()).toList()));
        s.put(
            "rss:" + service,
            Stat.of(of.stream().map(r -> r.services().get(service).peakRssMib()).toList()));
        s.put(
            "serverErrors:" + service,
            Stat.of(
                of.stream()
                    // -1 = this platform does not know (local): shown as "–", not as a number
                    .map(r -> r.services().get(service).serverErrors())
                    .map(e -> e < 0 ? Double.NaN : (double) e)
                    .toList()));
        s.put(
            "serverP99:" + service,
            Stat.of(of.stream().map(r -> r.services().get(service).serverP99Ms()).toList()));
      }
      stats.put(v, s);
    }
    List<String> comparisons = comparisons(variants, stats);

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("environment", environment);
    json.put("settings", settings);
    json.put("summary", stats);
    json.put("comparisons", comparisons);
    json.put("runs", runs);
    JSON.writeValue(dir.resolve("report.json").toFile(), json);
    Files.writeString(
        dir.resolve("report.md"),
        markdown(environment, settings, runs, variants, stats, comparisons),
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("report.html"),
        html(environment, settings, runs, variants, stats, comparisons),
        StandardCharsets.UTF_8);
  }

  static List<String> comparisons(List<String> variants, Map<String, Map<String, Stat>> stats) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      for (int j = i + 1; j < variants.size(); j++) {
        String a = variants.get(i);
        String b = variants.get(j);
        for (String key : List.of("goodput", "p99")) {
          Metric m = METRICS.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
          Stat sa = stats.get(a).get(key);
          Stat sb = stats.get(b).get(key);
          String verdict;
          if (sa.overlaps(sb)) {
            verdict = "inconclusive (spreads overlap)";
          } else {
            boolean aBetter =
                m.higherIsBetter() ? sa.median() > sb.median() : sa.median() < sb.median();
            verdict = (aBetter ? a : b) + " is better";
          }
          lines.add(
              "%s: %s %s vs %s %s — %s"
                  .formatted(m.title(), a, sa.text(m.unit()), b, sb.text(m.unit()), verdict));
        }
      }
    }
    return lines;
  }

  private static String markdown(
      Map<String, Object> env,
      Bench.Settings s,
      List<RunResult> runs,
      List<String> variants,
      Map<String, Map<String, Stat>> stats,
      List<String> comparisons) {
    StringBuilder md = new StringBuilder("# Flash Deal benchmark\n\n");
    md.append("Settings: rate ")
        .append(s.rate())
        .append("/s, warm-up ")
        .append(s.warmupSeconds())
        .append(" s, measured ")
        .append(s.durationSeconds())
        .append(" s, ")
        .append(s.repeat())
        .append(" repeats, stock ")
        .append(s.stock())
        .append(", ")
        .append(s.users())
        .append(" users per run. Figures: median [min–max] over repeats.\n\n");
    md.append("Environment: ").append(env).append("\n\n");
    md.append("| variant | oracle | ");
    METRICS.forEach(m -> md.append(m.title()).append(" | "));
    md.append("\n|---|---|").append("---|".repeat(METRICS.size())).append("\n");
    for (String v : variants) {
      List<RunResult> of = runs.stream().filter(r -> r.variant().equals(v)).toList();
      md.append("| ").append(v).append(" | ").append(statuses(of)).append(" | ");
      METRICS.forEach(m -> md.append(stats.get(v).get(m.key()).text(m.unit())).append(" | "));
      md.append("\n");
    }
    md.append(
        "\n## Per service (median [min–max])\n\n| variant | service | server p99 | server errors | CPU s in window | peak RSS |\n|---|---|---|---|---|---|\n");
    serviceRows(runs, variants, stats)
        .forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
    md.append("\n## Comparisons\n\n");
    comparisons.forEach(c -> md.append("- ").append(c).append("\n"));
    md.append("\n## Runs\n\n");
    runs.forEach(
        r ->
            md.append(
                "- %s #%d: **%s** %s\n"
                    .formatted(r.variant(), r.repeat(), r.status(), runDetails(r))));
    return md.toString();
  }

  /**
   * variant, service, server p99, server errors, CPU seconds, peak RSS — one row per service of
   * each variant, for both renderings.
   */
  private static List<List<String>> serviceRows(
      List<RunResult> runs, List<String> variants, Map<String, Map<String, Stat>> stats) {
    List<List<String>> rows = new ArrayList<>();
    for (String v : variants) {
      Map<String, Stat> st = stats.get(v);
      for (String service :
          runs.stream()
              .filter(r -> r.variant().equals(v))
              .findFirst()
              .orElseThrow()
              .services()
              .keySet()) {
        rows.add(
            List.of(
                v,
                service,
                st.get("serverP99:" + service).text("ms"),
                st.get("serverErrors:" + service).text(""),
                st.get("cpu:" + service).text("s"),
                st.get("rss:" + service).text("MiB")));
      }
    }
    return rows;
  }

  /** What a run line says after its status: the ledger, and the violations if any. */
  private static String runDetails(RunResult r) {
    return r.ledger() + (r.violations().isEmpty() ? "" : " — " + String.join("; ", r.violations()));
  }

  private static String statuses(List<RunResult> runs) {
    long failed = runs.stream().filter(r -> r.status().equals("FAILED")).count();
    long invalid = runs.stream().filter(r -> r.status().equals("INVALID")).count();
    if (failed > 0) {
      return "**FAILED** (" + failed + "/" + runs.size() + ")";
    }
    return invalid > 0 ? "INVALID (" + invalid + "/" + runs.size() + ")" : "passed";
  }

  private static String html(
      Map<String, Object> env,
      Bench.Settings s,
      List<RunResult> runs,
      List<String> variants,
      Map<String, Map<String, Stat>> stats,
      List<String> comparisons) {
    StringBuilder h =
        new StringBuilder(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Flash Deal benchmark</title><style>");
    h.append(
            "body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}h1{margin-bottom:0}.sub{color:#666}")
        .append(
            ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:1.5em}")
        .append(
            "figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:.8em}figcaption{font-weight:600;margin-bottom:.4em}")
        .append(
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ddd;padding:.3em .6em;text-align:right}th:first-child,td:first-child{text-align:left}")
        .append(
            ".FAILED{color:#b00;font-weight:700}.INVALID{color:#a60}.PASSED{color:#070}</style></head><body>");
    h.append("<h1>Flash Deal benchmark</h1><p class=\"sub\">")
        .append(
            esc(
                s.rate()
                    + "/s for "
                    + s.durationSeconds()
                    + " s after "
                    + s.warmupSeconds()
                    + " s warm-up, "
                    + s.repeat()
                    + " repeats, stock "
                    + s.stock()))
        .append(". Bars: median; whiskers: min–max over repeats. Red bars: the oracle failed.</p>");
    h.append("<div class=\"charts\">");
    for (Metric m : METRICS) {
      h.append(
          chart(m.title() + " (" + m.unit() + ")", variants, v -> stats.get(v).get(m.key()), runs));
    }
    h.append(
        "</div><h2>Per service</h2><table><tr><th>variant</th><th>service</th><th>server p99</th><th>server errors</th><th>CPU s</th><th>peak RSS</th></tr>");
    serviceRows(runs, variants, stats)
        .forEach(
            row ->
                h.append("<tr><td>")
                    .append(String.join("</td><td>", row.stream().map(Report::esc).toList()))
                    .append("</td></tr>"));
    h.append("</table><h2>Comparisons</h2><ul>");
    comparisons.forEach(c -> h.append("<li>").append(esc(c)).append("</li>"));
    h.append("</ul><h2>Runs</h2><ul>");
    runs.forEach(
        r ->
            h.append(
                "<li>%s: <span class=\"%s\">%s</span> %s</li>"
                    .formatted(
                        esc(r.variant() + " #" + r.repeat()),
                        r.status(),
                        r.status(),
                        esc(runDetails(r)))));
    h.append("</ul><h2>Environment</h2><pre>")
        .append(esc(env.toString()))
        .append("</pre></body></html>");
    return h.toString();
  }

  private static String chart(
      String title,
      List<String> variants,
      java.util.function.Function<String, Stat> stat,
      List<RunResult> runs) {
    int width = 340, rowHeight = 34, left = 130, right = 70;
    double max =
        variants.stream()
            .mapToDouble(v -> stat.apply(v).max())
            .filter(d -> !Double.isNaN(d))
            .max()
            .orElse(1);
    if (max <= 0) max = 1;
    StringBuilder svg =
        new StringBuilder("<figure><figcaption>")
            .append(esc(title))
            .append("</figcaption><svg width=\"")
            .append(width)
            .append("\" height=\"")
            .append(rowHeight * variants.size() + 10)
            .append("\" role=\"img\">");
    int y = 5;
    for (String v : variants) {
      Stat s = stat.apply(v);
      boolean failed =
          runs.stream().anyMatch(r -> r.variant().equals(v) && r.status().equals("FAILED"));
      double scale = (width - left - right) / max;
      svg.append("<text x=\"0\" y=\"")
          .append(y + 18)
          .append("\" font-size=\"12\">")
          .append(esc(v))
          .append("</text>");
      if (!Double.isNaN(s.median())) {
        svg.append("<rect x=\"")
            .append(left)
            .append("\" y=\"")
            .append(y + 6)
            .append("\" width=\"")
            .append(String.format(java.util.Locale.ROOT, "%.1f", Math.max(1, s.median() * scale)))
            .append("\" height=\"16\" fill=\"")
            .append(failed ? "#c33" : "#4a7bd0")
            .append("\"/>");
        double x1 = left + s.min() * scale, x2 = left + s.max() * scale;
        svg.append(
            String.format(
                java.util.Locale.ROOT,
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\"/>",
                x1,
                x2,
                y + 14,
                y + 14));
        svg.append(
            String.format(
                java.util.Locale.ROOT,
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\"/><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\"/>",
                x1,
                x1,
                y + 9,
                y + 19,
                x2,
                x2,
                y + 9,
                y + 19));
        svg.append(
            String.format(
                java.util.Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"11\">%.1f</text>",
                width - right + 6,
                y + 18,
                s.median()));
      }
      y += rowHeight;
    }
    return svg.append("</svg></figure>").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
