package com.flashdeal.harness.metrics;

import com.flashdeal.harness.platform.Platform;
import java.util.Map;

/**
 * Server-side measurements over the measured window: a snapshot before, one after, the difference.
 * Local scrapes the services' Prometheus endpoints and /proc; the Kubernetes platform asks SigNoz
 * (traces) instead.
 */
public interface MetricsSource {

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
   */
  record ServiceFigures(
      double serverP99Ms,
      long serverRequests,
      long serverErrors,
      double cpuSeconds,
      double peakRssMib) {}
}
