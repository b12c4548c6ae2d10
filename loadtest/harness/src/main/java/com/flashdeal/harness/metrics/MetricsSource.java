package com.flashdeal.harness.metrics;

import com.flashdeal.harness.platform.Platform;
import java.util.Map;

/**
 * Server-side measurements over the measured window: a snapshot before, one after, the difference.
 * Local scrapes the services' Prometheus endpoints and /proc; on Kubernetes, SigNoz (traces) where
 * it runs (kind), else the Prometheus endpoints and the kubelets' resource metrics.
 */
public interface MetricsSource {
  /** The load generator\'s row among the processes. */
  String GENERATOR = "generator";

  /** An opaque point-in-time capture. */
  interface Snapshot {}

  Snapshot capture(Platform.Deployment deployment);

  /**
   * Per service: p99 of its HTTP server latency, CPU seconds used and peak resident memory over the
   * window.
   */
  Map<String, ServiceFigures> between(Snapshot before, Snapshot after);

  /**
   * @param serverP99Ms p99 of the service's own request latency in the window (NaN if it served
   *     nothing)
   * @param serverRequests requests the service served in the window
   * @param serverErrors requests that failed on the server side in the window (-1 if unknown)
   * @param cpuSeconds CPU time the process used in the window (-1 if unknown)
   * @param peakRssMib the process's peak resident memory so far (-1 if unknown)
   * @param cacheHitRatio hits / reads of the service's read cache in the window ({@code
   *     flashdeal_cache_reads_total}; NaN when it read nothing from a cache)
   */
  record ServiceFigures(
      double serverP99Ms,
      long serverRequests,
      long serverErrors,
      double cpuSeconds,
      double peakRssMib,
      double cacheHitRatio) {

    /** Figures of a source that sees no read cache. */
    public ServiceFigures(
        double serverP99Ms,
        long serverRequests,
        long serverErrors,
        double cpuSeconds,
        double peakRssMib) {
      this(serverP99Ms, serverRequests, serverErrors, cpuSeconds, peakRssMib, Double.NaN);
    }
  }

  /**
   * CPU seconds per 1,000 units of work (orders, logins) by process, the load generator included;
   * -1 where a CPU figure is unknown.
   */
  static Map<String, Double> cpuPerThousand(
      Map<String, ServiceFigures> processes, double generatorCpuSeconds, double units) {
    double per = 1000 / Math.max(1, units);
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    processes.forEach((name, f) -> out.put(name, f.cpuSeconds() < 0 ? -1 : f.cpuSeconds() * per));
    out.put(GENERATOR, generatorCpuSeconds < 0 ? -1 : generatorCpuSeconds * per);
    return out;
  }
}
