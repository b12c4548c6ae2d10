package com.flashdeal.harness.report;

import com.flashdeal.harness.Bench;
import com.flashdeal.harness.scenario.ScenarioReport;
import com.flashdeal.harness.scenario.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * report.html: the headline and the verdicts first, then the scenario's charts and tables, the
 * warm-ups and the environment. Fits 1280 px without horizontal scrolling: charts in a two-column
 * grid, wide tables scroll inside their own box.
 */
final class Html {
  private Html() {}

  static String render(
      Map<String, Object> env, Settings s, Bench.Outcome o, List<String> verdicts) {
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
    if (o.part() != null && !o.part().charts().isEmpty()) {
      h.append("<div class=\"charts\">");
      for (ScenarioReport.Chart c : o.part().charts()) {
        figure(h, c.title(), c.svg(), c.note());
      }
      h.append("</div>");
    }
    if (o.part() != null) {
      for (ScenarioReport.Section section : o.part().sections()) {
        h.append("<h2>").append(Svg.esc(section.title())).append("</h2>");
        if (!section.text().isEmpty()) {
          h.append("<p class=\"note\">").append(Svg.esc(section.text())).append("</p>");
        }
        if (!section.header().isEmpty()) {
          table(h, section.header(), section.rows());
        }
      }
    }
    if (!o.warmups().isEmpty()) {
      h.append("<h2>Warm-up to steady state</h2>");
      table(h, Report.WARMUP_HEADER, Report.warmupRows(o));
    }
    h.append("<h2>Environment</h2>");
    List<List<String>> envRows = new ArrayList<>();
    env.forEach((k, v) -> envRows.add(List.of(k, String.valueOf(v))));
    table(h, List.of("", ""), envRows);
    return h.append("</body></html>").toString();
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
