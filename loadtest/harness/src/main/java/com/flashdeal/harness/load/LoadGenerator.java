package com.flashdeal.harness.load;

import java.nio.file.Path;

/**
 * Runs one k6 scenario against a deployed variant: the k6 binary on this machine (local) or a
 * one-shot Job in the cluster (kubernetes). Both return the same {@link LoadResult}.
 */
public interface LoadGenerator {

  /**
   * @param dir the run's report folder (k6's summary and log land there)
   */
  LoadResult run(LoadRequest request, Path dir);

  /** k6's version line, for the report. */
  String version();
}
