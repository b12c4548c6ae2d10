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
   * @param droppedFraction arrivals k6 could not start / planned arrivals
   * @param achievedRate answers per second in the measured stage
   * @param cpuPerThousand CPU seconds per 1,000 successful answers, by process (k6 included)
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
      MachineLoad machine) {}
}
