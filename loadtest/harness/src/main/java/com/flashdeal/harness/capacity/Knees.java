package com.flashdeal.harness.capacity;

import com.flashdeal.harness.Measurement;
import com.flashdeal.harness.load.LoadResult;
import com.flashdeal.harness.load.Scenario;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.scenario.Lab;
import com.flashdeal.harness.scenario.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The knee searches' common part (capacity, sold-out, login, battle): steps of a fixed length after
 * a 2 s lead-in, doubling then bisecting ({@link KneeSearch}), each judged against a p99 SLO,
 * errors and late arrivals (at most 1 % each).
 *
 * <p>Options, shared by every search: {@code knee.step-seconds}, {@code knee.start-rate}, {@code
 * knee.max-rate}, {@code knee.slo-ms} (the order path's p99).
 */
public final class Knees {

  /** The order path's p99 a step must meet, when not set. */
  public static final double ORDER_SLO_MS = 100;

  private static final int LEAD_IN_SECONDS = 2;
  private static final int STEP_SECONDS = 8;
  private static final int START_RATE = 50;

  private final Lab lab;
  private final int stepSeconds;
  private final int startRate;
  private final int maxRate;

  public Knees(Lab lab) {
    this.lab = lab;
    Settings s = lab.settings();
    this.stepSeconds = s.option("knee.step-seconds", STEP_SECONDS);
    this.startRate = s.option("knee.start-rate", START_RATE);
    this.maxRate = s.option("knee.max-rate", 1600);
  }

  public int startRate() {
    return startRate;
  }

  /** The order path's probe at {@code knee.slo-ms}. */
  public static Probe orderPath(Settings s) {
    return new Probe(Scenario.CAPACITY, "order path", s.option("knee.slo-ms", ORDER_SLO_MS), 0);
  }

  /** The settings line of a search: steps, start and the SLO it judges by. */
  public static String describe(Settings s, String slo) {
    return ("Knee search: %d s steps after a %d s lead-in, doubling from %d/s then bisecting; SLO:"
            + " %s, errors and arrivals the generator started late ≤ 1 %%.")
        .formatted(
            s.option("knee.step-seconds", STEP_SECONDS),
            LEAD_IN_SECONDS,
            s.option("knee.start-rate", START_RATE),
            slo);
  }

  /**
   * What a knee search loads and judges: the scenario, its name in the report, the p99 a step must
   * meet and, for SOLD_OUT answers, the sold-out deal every arrival asks for.
   */
  public record Probe(Scenario scenario, String target, double slo, long soldOutDeal) {}

  /** Searches the knee on {@code d}, starting at {@code start}. */
  public CapacityResult knee(Probe probe, int start, Platform.Deployment d) {
    int[] stepNumber = {0};
    KneeSearch.Knee knee =
        new KneeSearch(start, maxRate, 0.1)
            .search(
                (rate, confirmation) -> {
                  CapacityResult.StepFigures f =
                      step(probe, d, rate, confirmation, stepNumber[0]++, 0);
                  return new KneeSearch.Step(rate, f.passed(), confirmation, f.why(), f);
                });
    lab.progress()
        .accept(
            "  %s knee: %d/s%s"
                .formatted(
                    probe.target(),
                    knee.knee(),
                    knee.confirmed() ? " (confirmed)" : " (not confirmed)"));
    List<CapacityResult.StepFigures> steps =
        knee.steps().stream().map(st -> (CapacityResult.StepFigures) st.figures()).toList();
    return new CapacityResult(d.variant(), probe.target(), probe.slo(), knee, steps);
  }

  /**
   * One stepped-load measurement: the lead-in, then the measured seconds, judged against the SLO
   * (p99), errors and dropped arrivals (at most 1 % each).
   *
   * @param multiple for a step past the knee, its rate as a multiple of it (0: a search step)
   */
  public CapacityResult.StepFigures step(
      Probe probe,
      Platform.Deployment d,
      int rate,
      boolean confirmation,
      int stepNumber,
      double multiple) {
    Scenario scenario = probe.scenario();
    String metric = scenario == Scenario.LOGIN ? "login" : "order";
    Path dir = lab.freshDir(d.variant() + "-" + scenario.id() + "-" + rate + "-" + stepNumber);
    Measurement.Window w =
        lab.measure(
            d,
            () ->
                lab.load()
                    .run(
                        lab.stepRequest(
                            scenario, d, rate, LEAD_IN_SECONDS, stepSeconds, probe.soldOutDeal()),
                        dir));
    LoadResult r = w.load();
    double p99 = r.trend(metric + "_duration{stage:measured}", "p(99)");
    double p50 = r.trend(metric + "_duration{stage:measured}", "p(50)");
    double errors = r.rate(metric + "_errors{stage:measured}");
    double iterations = r.count("iterations{scenario:measured}");
    double dropped = r.count("late_arrivals{scenario:measured}");
    double droppedFraction = dropped / Math.max(1, (double) rate * stepSeconds);
    List<String> why = new ArrayList<>();
    if (!(p99 <= probe.slo())) why.add("p99 %.0f ms > %.0f ms".formatted(p99, probe.slo()));
    if (errors > 0.01) why.add("errors %.1f %%".formatted(errors * 100));
    if (droppedFraction > 0.01) why.add("generator late %.1f %%".formatted(droppedFraction * 100));
    boolean passed = why.isEmpty();
    double ok = iterations * (1 - errors);
    Map<String, Double> cpu =
        MetricsSource.cpuPerThousand(w.processes(), r.generatorCpuSeconds(), ok);
    // The measured stage's arrivals follow every arrival the lead-in could start.
    long measuredFrom = (long) rate * (LEAD_IN_SECONDS + 1);
    Map<String, Long> answers = new java.util.TreeMap<>();
    r.arrivals().stream()
        .filter(a -> a.index() >= measuredFrom)
        .forEach(a -> answers.merge(a.outcome(), 1L, Long::sum));
    CapacityResult.StepFigures f =
        new CapacityResult.StepFigures(
            rate,
            passed,
            confirmation,
            String.join(", ", why),
            p50,
            p99,
            errors,
            droppedFraction,
            iterations / stepSeconds,
            cpu,
            w.machine(),
            answers,
            multiple);
    lab.progress()
        .accept(
            "  %s %d/s%s: %s — p99 %.1f ms, errors %.2f %%, dropped %.2f %%, answers %s%s"
                .formatted(
                    probe.target(),
                    rate,
                    multiple > 0 ? " (%.1fx the knee)".formatted(multiple) : "",
                    passed ? "meets the SLO" : "fails (" + f.why() + ")",
                    p99,
                    errors * 100,
                    droppedFraction * 100,
                    answers,
                    w.machine().disturbed() ? " — DISTURBED" : ""));
    return f;
  }
}
