package com.flashdeal.harness.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the knee: the highest open-model rate that still meets the SLO. Doubles from a start rate
 * until a step fails, then bisects between the last pass and the first failure until they are
 * within {@code precision} (a fraction of the passing rate), then runs the best passing rate again:
 * the knee is confirmed only when that second run passes too. A failed confirmation counts as a
 * failure and the search continues below it (at most three confirmations).
 */
public final class KneeSearch {
  private final int start;
  private final int maxRate;
  private final double precision;

  /**
   * @param start first rate (arrivals/s)
   * @param maxRate never step above (the generator's own limit on this machine)
   * @param precision stop bisecting when (fail - pass) / pass is below this
   */
  public KneeSearch(int start, int maxRate, double precision) {
    this.start = start;
    this.maxRate = maxRate;
    this.precision = precision;
  }

  /** One step's outcome. */
  public record Step(int rate, boolean passed, boolean confirmation, String why, Object figures) {}

  /**
   * @param knee the confirmed rate (0 when even the lowest rate failed)
   * @param bounded false when maxRate passed: the knee lies above what was tried
   */
  public record Knee(int knee, boolean confirmed, boolean bounded, List<Step> steps) {}

  /** Runs one step; {@code confirmation} says it repeats the best passing rate. */
  @FunctionalInterface
  public interface StepRunner {
    Step run(int rate, boolean confirmation);
  }

  public Knee search(StepRunner runStep) {
    List<Step> steps = new ArrayList<>();
    int pass = 0;
    int fail = Integer.MAX_VALUE;
    int rate = start;
    // Doubling.
    while (true) {
      Step s = runStep.run(rate, false);
      steps.add(s);
      if (!s.passed()) {
        fail = rate;
        break;
      }
      pass = rate;
      if (rate >= maxRate) {
        break;
      }
      rate = Math.min(maxRate, rate * 2);
    }
    for (int confirmations = 0; confirmations < 3; confirmations++) {
      // Bisection.
      while (fail != Integer.MAX_VALUE && fail - pass > Math.max(1, pass * precision)) {
        int mid = pass + (fail - pass) / 2;
        Step s = runStep.run(mid, false);
        steps.add(s);
        if (s.passed()) {
          pass = mid;
        } else {
          fail = mid;
        }
      }
      if (pass == 0) {
        return new Knee(0, false, true, steps);
      }
      Step again = runStep.run(pass, true);
      steps.add(new Step(again.rate(), again.passed(), true, again.why(), again.figures()));
      if (again.passed()) {
        return new Knee(pass, true, fail != Integer.MAX_VALUE, steps);
      }
      // Not reproducible: the knee is lower. The last pass below it is unknown, so restart the
      // bisection from the highest pass below this rate (or half of it).
      fail = pass;
      int below = 0;
      for (Step s : steps) {
        if (s.passed() && s.rate() < fail) {
          below = Math.max(below, s.rate());
        }
      }
      pass = below > 0 && below < fail ? below : fail / 2;
    }
    return new Knee(pass, false, true, steps);
  }
}
