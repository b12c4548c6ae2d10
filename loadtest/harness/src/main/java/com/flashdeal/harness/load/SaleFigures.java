package com.flashdeal.harness.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sale looked like from the client side, computed from the arrival ledger (every answer, not
 * a sampled summary).
 *
 * @param sellOutSeconds from the first arrival to the answer that sold the last unit; NaN when the
 *     deal did not sell out (an undersell, or too few arrivals)
 * @param ordersPerSecond units sold per second while selling (created / sellOutSeconds, or over the
 *     whole sale when it did not sell out)
 * @param created / soldOut / errors the answers by kind; errorsByOutcome: "503 CODE" → count
 * @param rateLimited arrivals refused by the gateway's rate limit in the end (429 after their
 *     retries), counted apart from errors (Phase 5)
 * @param createdMs / soldOutMs / allMs percentiles of the order answer by outcome ({@link
 *     #SPECTRUM} quantiles, ms)
 * @param firstServed of the first S arrivals (S = stock), how many got a unit
 * @param rankCorrelation Spearman's ρ of arrival rank and success (-1: strictly first come first
 *     served… its bound depends on S/U; {@link #rankCorrelationIdeal} is the perfect-FCFS value)
 * @param timeline 1-second buckets from the first arrival
 */
public record SaleFigures(
    int arrivals,
    int stock,
    double sellOutSeconds,
    double ordersPerSecond,
    int created,
    int soldOut,
    int errors,
    Map<String, Integer> errorsByOutcome,
    Map<String, Double> createdMs,
    Map<String, Double> soldOutMs,
    Map<String, Double> allMs,
    int firstServed,
    double rankCorrelation,
    double rankCorrelationIdeal,
    List<Bucket> timeline,
    int rateLimited) {

  /** The quantiles of the latency spectrum (HDR style: each a "nine" further out). */
  public static final double[] SPECTRUM = {0.5, 0.75, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9999, 1.0};

  /**
   * @param second seconds since the first arrival (bucket start)
   * @param answers order answers in the bucket; created of them 201
   * @param p99Ms p99 of the answers in the bucket (NaN when none)
   * @param unitsLeft stock minus every 201 answered by the bucket's end
   */
  public record Bucket(int second, int answers, int created, double p99Ms, int unitsLeft) {}

  public static SaleFigures of(List<Arrival> arrivals, int stock) {
    if (arrivals.isEmpty()) {
      return new SaleFigures(
          0,
          stock,
          Double.NaN,
          0,
          0,
          0,
          0,
          Map.of(),
          Map.of(),
          Map.of(),
          Map.of(),
          0,
          Double.NaN,
          Double.NaN,
          List.of(),
          0);
    }
    long t0 = arrivals.stream().mapToLong(Arrival::startMs).min().orElseThrow();
    List<Arrival> created = arrivals.stream().filter(Arrival::created).toList();
    List<Arrival> soldOut = arrivals.stream().filter(Arrival::soldOut).toList();
    Map<String, Integer> errors = new TreeMap<>();
    arrivals.stream()
        .filter(Arrival::error)
        .forEach(a -> errors.merge(a.outcome(), 1, Integer::sum));
    int units = created.stream().mapToInt(a -> Math.max(1, a.quantity())).sum();
    long lastSale = created.stream().mapToLong(Arrival::endMs).max().orElse(t0);
    long lastAnswer = arrivals.stream().mapToLong(Arrival::endMs).max().orElseThrow();
    double sellOut = units >= stock ? (lastSale - t0) / 1000.0 : Double.NaN;
    double selling = Double.isNaN(sellOut) ? (lastAnswer - t0) / 1000.0 : sellOut;

    List<Arrival> byArrival = new ArrayList<>(arrivals);
    byArrival.sort(Comparator.comparingLong(Arrival::index));
    int firstServed =
        (int)
            byArrival.subList(0, Math.min(stock, byArrival.size())).stream()
                .filter(Arrival::created)
                .count();
    double[] rank = new double[byArrival.size()];
    double[] success = new double[byArrival.size()];
    double[] ideal = new double[byArrival.size()];
    for (int i = 0; i < rank.length; i++) {
      rank[i] = i;
      success[i] = byArrival.get(i).created() ? 1 : 0;
      ideal[i] = i < created.size() ? 1 : 0;
    }

    return new SaleFigures(
        arrivals.size(),
        stock,
        sellOut,
        selling > 0 ? units / selling : Double.NaN,
        created.size(),
        soldOut.size(),
        (int) arrivals.stream().filter(Arrival::error).count(),
        errors,
        spectrum(created),
        spectrum(soldOut),
        spectrum(arrivals),
        firstServed,
        spearman(rank, success),
        spearman(rank, ideal),
        timeline(arrivals, t0, stock),
        (int) arrivals.stream().filter(Arrival::rateLimited).count());
  }

  static Map<String, Double> spectrum(List<Arrival> arrivals) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (arrivals.isEmpty()) {
      return out;
    }
    // What the buyer waited to know: the answer, or for a 202 the decision it polled for.
    double[] ms = arrivals.stream().mapToDouble(Arrival::decidedMs).sorted().toArray();
    for (double q : SPECTRUM) {
      out.put(label(q), quantile(ms, q));
    }
    return out;
  }

  public static String label(double q) {
    return q >= 1.0
        ? "max"
        : "p"
            + new java.math.BigDecimal(Double.toString(q * 100))
                .stripTrailingZeros()
                .toPlainString();
  }

  /** Nearest-rank quantile of sorted values. */
  public static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  static List<Bucket> timeline(List<Arrival> arrivals, long t0, int stock) {
    int seconds =
        (int) ((arrivals.stream().mapToLong(Arrival::endMs).max().orElse(t0) - t0) / 1000) + 1;
    List<List<Double>> latencies = new ArrayList<>();
    int[] created = new int[seconds];
    for (int s = 0; s < seconds; s++) {
      latencies.add(new ArrayList<>());
    }
    for (Arrival a : arrivals) {
      int s = (int) ((a.endMs() - t0) / 1000);
      latencies.get(s).add(a.decidedMs());
      if (a.created()) {
        created[s] += Math.max(1, a.quantity());
      }
    }
    List<Bucket> out = new ArrayList<>();
    int left = stock;
    for (int s = 0; s < seconds; s++) {
      left -= created[s];
      double[] ms = latencies.get(s).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      out.add(new Bucket(s, ms.length, created[s], quantile(ms, 0.99), left));
    }
    return out;
  }

  /** Spearman's ρ: Pearson's correlation of the (average, for ties) ranks. */
  static double spearman(double[] x, double[] y) {
    return pearson(ranks(x), ranks(y));
  }

  private static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; ) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        r[order[k]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    return r;
  }

  private static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = Arrays.stream(x).average().orElse(0);
    double my = Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }
}
