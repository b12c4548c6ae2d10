package com.flashdeal.harness.stats;

import java.util.List;
import java.util.Locale;

/**
 * One verdict: variant A against baseline B on one figure, decided from the per-repeat values.
 * Better or worse only when the Mann-Whitney test rejects "same distribution" at {@link #ALPHA}
 * <b>and</b> the bootstrap interval of the ratio of medians excludes 1; anything else is
 * inconclusive — an A/A comparison must never claim a difference.
 *
 * @param higherIsBetter throughput-like (true) or latency-like (false)
 */
public record Comparison(
    String figure,
    String unit,
    boolean higherIsBetter,
    String variant,
    String baseline,
    int n,
    int nBaseline,
    double ratio,
    double low,
    double high,
    double p,
    Verdict verdict) {

  public static final double ALPHA = 0.05;

  /** Fewer repeats than this on a side cannot reach p < 0.05 with Mann-Whitney (3 vs 3: 0.1). */
  public static final int MIN_REPEATS = 4;

  public enum Verdict {
    BETTER,
    WORSE,
    INCONCLUSIVE
  }

  public static Comparison of(
      String figure,
      String unit,
      boolean higherIsBetter,
      String variant,
      List<Double> values,
      String baseline,
      List<Double> baselineValues) {
    List<Double> a = values.stream().filter(Double::isFinite).toList();
    List<Double> b = baselineValues.stream().filter(Double::isFinite).toList();
    if (a.isEmpty() || b.isEmpty()) {
      return new Comparison(
          figure,
          unit,
          higherIsBetter,
          variant,
          baseline,
          a.size(),
          b.size(),
          Double.NaN,
          Double.NaN,
          Double.NaN,
          1,
          Verdict.INCONCLUSIVE);
    }
    double p = MannWhitney.test(a, b).p();
    Bootstrap.Interval ci =
        Bootstrap.ratioOfMedians(a, b, (figure + variant + baseline).hashCode());
    boolean differs =
        a.size() >= MIN_REPEATS
            && b.size() >= MIN_REPEATS
            && p < ALPHA
            && (ci.low() > 1 || ci.high() < 1);
    Verdict v = Verdict.INCONCLUSIVE;
    if (differs) {
      boolean higher = ci.ratio() > 1;
      v = higher == higherIsBetter ? Verdict.BETTER : Verdict.WORSE;
    }
    return new Comparison(
        figure,
        unit,
        higherIsBetter,
        variant,
        baseline,
        a.size(),
        b.size(),
        ci.ratio(),
        ci.low(),
        ci.high(),
        p,
        v);
  }

  /**
   * "db-lock's order p99 (201) is 1.31× db-atomic's [1.12–1.55], p = 0.008, 5 vs 5 repeats: worse".
   */
  public String sentence() {
    if (!Double.isFinite(ratio)) {
      return "%s's %s: no valid values to compare with %s's (%d vs %d repeats): inconclusive"
          .formatted(variant, figure, baseline, n, nBaseline);
    }
    return String.format(
        Locale.ROOT,
        "%s's %s is %.2f× %s's [%.2f–%.2f], p = %.3f, %d vs %d repeats: %s",
        variant,
        figure,
        ratio,
        baseline,
        low,
        high,
        p,
        n,
        nBaseline,
        verdict.name().toLowerCase(Locale.ROOT));
  }
}
