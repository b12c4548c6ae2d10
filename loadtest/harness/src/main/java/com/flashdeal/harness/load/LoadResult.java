package com.flashdeal.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * What a load run produced.
 *
 * @param valid the generator exited 0; false when the measurement itself failed (exit 99: arrivals
 *     started late, users exhausted, a replayed order) — an INVALID measurement
 * @param summary the generator's summary document ({@code metrics.<name>.values}, {@code
 *     generator})
 * @param arrivals one entry per arrival, when the scenario logs them (sale, capacity)
 * @param generatorCpuSeconds CPU the generator's process used in all (user + system), -1 if unknown
 *     (a Job)
 * @param generatorPeakRssMib the generator's peak resident memory, -1 if unknown
 * @param gatlingReport Gatling's own HTML report of the run, null when none was kept
 */
public record LoadResult(
    boolean valid,
    JsonNode summary,
    List<Arrival> arrivals,
    double generatorCpuSeconds,
    double generatorPeakRssMib,
    Path gatlingReport) {

  /** A counter's count, 0 when none was recorded. */
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

  /**
   * The generator's CPU ms per request it sent over the measured window (first measured arrival to
   * the last one's end), -1 when unknown.
   */
  public double generatorMsPerRequest() {
    return summary.path("generator").path("cpuMsPerRequest").asDouble(-1);
  }
}
