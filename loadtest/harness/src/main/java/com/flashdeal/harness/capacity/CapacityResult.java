package com.flashdeal.harness.capacity;

import com.flashdeal.harness.metrics.MachineLoad;
import java.util.List;
import java.util.Map;

/**
 * A knee search of one variant (or of login).
 *
 * @param target "order path" or "login"
 * @param sloMs the p99 the steps had to meet
 */
public record CapacityResult(
    String variant, String target, double sloMs, KneeSearch.Knee knee, List<StepFigures> steps) {

  /**
   * One step as measured.
   *
   * @param p99Ms p99 of the measured stage's answers
   * @param errorRate failed answers / answers in the measured stage
   * @param droppedFraction arrivals started more than 1 s late / planned arrivals
   * @param achievedRate answers per second in the measured stage
   * @param cpuPerThousand CPU seconds per 1,000 successful answers, by process (the generator
   *     included)
   * @param answers the measured stage's answers by outcome ("201", "503 OVERLOADED", "0" = none)
   * @param multiple for a step past the knee, its rate as a multiple of the knee; 0 for a step of
   *     the search
   */
  public record StepFigures(
      int rate,
      boolean passed,
      boolean confirmation,
      String why,
      double p50Ms,
      double p99Ms,
      double errorRate,
      double droppedFraction,
      double achievedRate,
      Map<String, Double> cpuPerThousand,
      MachineLoad machine,
      Map<String, Long> answers,
      double multiple) {

    /** The share of answers with this outcome's status, e.g. "503". */
    public double share(String statusPrefix) {
      long all = answers.values().stream().mapToLong(Long::longValue).sum();
      long matching =
          answers.entrySet().stream()
              .filter(
                  e -> e.getKey().equals(statusPrefix) || e.getKey().startsWith(statusPrefix + " "))
              .mapToLong(Map.Entry::getValue)
              .sum();
      return all == 0 ? 0 : (double) matching / all;
    }
  }
}
