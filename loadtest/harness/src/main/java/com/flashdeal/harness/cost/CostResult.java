package com.flashdeal.harness.cost;

import com.flashdeal.harness.stats.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cost scenario's figures: per variant, round and answer, the windows at steady state (CPU ms
 * per answer of every process), how long each answer took to reach steady state, and the verdicts
 * of every variant against the first.
 *
 * @param samples one per steady window
 * @param steady one per variant, round and answer
 */
public record CostResult(List<Sample> samples, List<Steady> steady)
    implements com.flashdeal.harness.scenario.ScenarioReport {

  @Override
  public String scenario() {
    return "cost";
  }

  @Override
  public List<Section> sections() {
    return List.of(
        new Section("CPU per answer at steady state", CostReport.HEADER, CostReport.rows(this)),
        new Section("Time to steady state", CostReport.STEADY_HEADER, CostReport.steadyRows(this)));
  }

  /** The system's CPU (every process but the generator) per answer. */
  public static final String TOTAL = com.flashdeal.harness.SteadyRun.SYSTEM;

  public static final String GENERATOR = com.flashdeal.harness.SteadyRun.GENERATOR;

  /**
   * One steady window.
   *
   * @param msPerAnswer CPU ms per answer by process, {@link #TOTAL} and {@link #GENERATOR} too
   * @param rate answers per second the window saw
   * @param generatorMsPerRequest the generator's CPU ms per request it sent
   * @param disturbed others used the cores during the window
   */
  public record Sample(
      String variant,
      int round,
      Answer answer,
      int window,
      double rate,
      Map<String, Double> msPerAnswer,
      double generatorMsPerRequest,
      boolean disturbed) {}

  /**
   * @param seconds from the answer's first request until the window that closed steady state
   * @param settled whether steady state was reached before the bound
   * @param errorRate answers that were not the expected one, over the whole run (above 1 % its
   *     windows are not counted)
   */
  public record Steady(
      String variant,
      int round,
      Answer answer,
      double seconds,
      int windows,
      boolean settled,
      double errorRate) {}

  public List<String> variants() {
    Set<String> v = new LinkedHashSet<>();
    samples.forEach(s -> v.add(s.variant()));
    steady.forEach(s -> v.add(s.variant()));
    return List.copyOf(v);
  }

  /** The processes seen for an answer, in a stable order (the system first). */
  public List<String> processes(Answer a) {
    Set<String> p = new LinkedHashSet<>();
    p.add(TOTAL);
    samples.stream().filter(s -> s.answer() == a).forEach(s -> p.addAll(s.msPerAnswer().keySet()));
    return List.copyOf(p);
  }

  public List<Double> values(String variant, Answer a, String process) {
    return samples.stream()
        .filter(s -> s.variant().equals(variant) && s.answer() == a)
        .map(s -> s.msPerAnswer().getOrDefault(process, Double.NaN))
        .toList();
  }

  /**
   * Every variant against the first, per answer and process: lower CPU is better; the system's
   * total first.
   */
  @Override
  public List<Comparison> comparisons() {
    List<Comparison> out = new ArrayList<>();
    List<String> vs = variants();
    if (vs.size() < 2) {
      return out;
    }
    String base = vs.getFirst();
    for (String v : vs.subList(1, vs.size())) {
      for (Answer a : Answer.values()) {
        for (String p : processes(a)) {
          List<Double> x = values(v, a, p);
          List<Double> y = values(base, a, p);
          if (x.isEmpty() || y.isEmpty()) {
            continue;
          }
          out.add(Comparison.of(p + " CPU per " + a.label(), "ms", false, v, x, base, y));
        }
      }
    }
    return out;
  }
}
