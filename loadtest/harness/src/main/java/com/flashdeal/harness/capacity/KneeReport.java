package com.flashdeal.harness.capacity;

import com.flashdeal.harness.report.Svg;
import com.flashdeal.harness.scenario.ScenarioReport;
import com.flashdeal.harness.stats.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The knee searches' part of the report: each knee (with pgbench's ceiling for the order path when
 * it was measured), each variant's knee against the first variant's for the same target, every
 * step's figures, and the capacity curve.
 *
 * @param pgbench pgbench's run of the same statements, or null
 */
public record KneeReport(String scenario, List<CapacityResult> searches, PgBench pgbench)
    implements ScenarioReport {

  public KneeReport {
    searches = List.copyOf(searches);
  }

  /** One search a side: a knee has no spread to compare with confidence (see the notes). */
  @Override
  public List<Comparison> comparisons() {
    return List.of();
  }

  @Override
  public List<String> notes() {
    List<String> out = new ArrayList<>();
    for (CapacityResult c : searches) {
      String pg =
          pgbench == null || !c.target().equals("order path")
              ? ""
              : String.format(
                  Locale.ROOT,
                  " = %.2f× pgbench's %.0f tps for the same statements",
                  c.knee().knee() / pgbench.ceilingTps(),
                  pgbench.ceilingTps());
      out.add(
          String.format(
              Locale.ROOT,
              "%s's %s knee: %d/s at p99 ≤ %.0f ms%s%s%s",
              c.variant(),
              c.target(),
              c.knee().knee(),
              c.sloMs(),
              c.knee().confirmed() ? " (confirmed by a second run)" : " (NOT confirmed)",
              c.knee().bounded() ? "" : " — the highest rate tried still passed",
              pg));
    }
    out.addAll(kneeRatios(searches));
    return out;
  }

  @Override
  public List<Section> sections() {
    String text =
        pgbench == null
            ? ""
            : Svg.f(
                "pgbench, same statements (%d clients per database, %d s, concurrently): reserve"
                    + " %.0f tps, order insert %.0f tps.",
                pgbench.clients(), pgbench.seconds(), pgbench.reserveTps(), pgbench.insertTps());
    return List.of(new Section("Knee search steps", text, HEADER, rows(searches)));
  }

  @Override
  public List<Chart> charts() {
    if (searches.isEmpty()) {
      return List.of();
    }
    List<Svg.Series> series = new ArrayList<>();
    List<Svg.Mark> marks = new ArrayList<>();
    double slo = 0;
    int i = 0;
    for (CapacityResult c : searches) {
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
    return List.of(
        new Chart(
            "Capacity curve: rate vs p99 (log), knee marked",
            Svg.lines("arrivals/s", "p99 ms", series, false, true, marks),
            pgbench == null
                ? ""
                : Svg.f(
                    "pgbench ceiling for the same statements: %.0f tps.", pgbench.ceilingTps())));
  }

  @Override
  public Object json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("capacity", searches);
    json.put("pgbench", pgbench);
    return json;
  }

  /**
   * Each variant's knee against the first variant's for the same target. One search per variant has
   * no spread: the ratio is stated with the bisection's precision, and a knee that was not
   * confirmed, or lies above the highest rate tried, says so.
   */
  public static List<String> kneeRatios(List<CapacityResult> capacity) {
    List<String> out = new ArrayList<>();
    Map<String, CapacityResult> first = new LinkedHashMap<>();
    for (CapacityResult c : capacity) {
      CapacityResult base = first.putIfAbsent(c.target(), c);
      if (base == null || base.knee().knee() == 0) continue;
      double ratio = (double) c.knee().knee() / base.knee().knee();
      out.add(
          String.format(
              Locale.ROOT,
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

  public static final List<String> HEADER =
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

  /** Every step of every search. */
  public static List<List<String>> rows(List<CapacityResult> searches) {
    List<List<String>> rows = new ArrayList<>();
    for (CapacityResult c : searches) {
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
}
