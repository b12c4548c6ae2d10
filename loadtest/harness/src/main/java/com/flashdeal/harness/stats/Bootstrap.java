package com.flashdeal.harness.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence interval of the ratio of two medians: resample each side with
 * replacement, take the ratio of the resampled medians, read the 2.5th and 97.5th percentiles. The
 * seed is fixed so a report can be reproduced from its runs.
 */
public final class Bootstrap {
  private static final int RESAMPLES = 10_000;

  private Bootstrap() {}

  public record Interval(double ratio, double low, double high) {}

  public static Interval ratioOfMedians(List<Double> a, List<Double> b, long seed) {
    double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
    double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
    double ratio = median(x) / median(y);
    SplittableRandom random = new SplittableRandom(seed);
    double[] ratios = new double[RESAMPLES];
    double[] rx = new double[x.length];
    double[] ry = new double[y.length];
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < x.length; i++) {
        rx[i] = x[random.nextInt(x.length)];
      }
      for (int i = 0; i < y.length; i++) {
        ry[i] = y[random.nextInt(y.length)];
      }
      ratios[r] = median(rx) / median(ry);
    }
    Arrays.sort(ratios);
    return new Interval(
        ratio, ratios[(int) (RESAMPLES * 0.025)], ratios[(int) (RESAMPLES * 0.975) - 1]);
  }

  public static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
