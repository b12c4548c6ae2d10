package com.flashdeal.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a k6 run produced.
 *
 * @param valid k6 exited 0; false when a validity threshold was crossed (exit 99: dropped arrivals,
 *     users exhausted, a replayed order) — an INVALID measurement
 * @param summary k6's summary document (handleSummary's data)
 * @param arrivals one entry per arrival, when the scenario logs them (sale, capacity)
 * @param generatorCpuSeconds CPU k6 itself used (user + system), -1 if unknown (a Job)
 * @param generatorPeakRssMib k6's peak resident memory, -1 if unknown
 */
public record LoadResult(
    boolean valid,
    JsonNode summary,
    List<Arrival> arrivals,
    double generatorCpuSeconds,
    double generatorPeakRssMib) {

  /** A counter's count, 0 when k6 recorded none. */
  public double count(String metric) {
    return summary.path("metrics").path(metric).path("values").path("count").asDouble(0);
  }

  /** A rate metric's rate, 0 when absent. */
  public double rate(String metric) {
    return summary.path("metrics").path(metric).path("values").path("rate").asDouble(0);
  }

  /** A trend's statistic ("p(99)", "med", ...), NaN when absent. */
  public double trend(String metric, String stat) {
    JsonNode v = summary.path("metrics").path(metric).path("values").path(stat);
    return v.isMissingNode() || v.isNull() ? Double.NaN : v.asDouble();
  }
}
