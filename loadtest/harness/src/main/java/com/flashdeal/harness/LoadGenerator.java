package com.flashdeal.harness;

import java.net.URI;
import java.nio.file.Path;

/**
 * Runs the k6 scenario against a deployed variant: the k6 binary on this machine (local) or a
 * one-shot Job in the cluster (kubernetes). Both return what k6's summary says.
 */
interface LoadGenerator {

  /**
   * @param gateway the gateway as the harness reaches it (a Job uses the in-cluster address)
   * @param dir the run's report folder (k6's summary and log land there)
   */
  K6Runner.Result run(
      URI gateway, Seeder.Scene scene, int rate, int warmupSeconds, int durationSeconds, Path dir);

  /** k6's version line, for the report. */
  String version();
}
