package com.flashdeal.harness.load;

import java.nio.file.Path;

/**
 * Runs one load scenario against a deployed variant: the Gatling generator as a process on this
 * machine (local) or as a one-shot Job in the cluster (kubernetes). Both return the same {@link
 * LoadResult}.
 */
public interface LoadGenerator {

  /**
   * @param dir the run's report folder (the generator's summary, ledger and log land there)
   */
  LoadResult run(LoadRequest request, Path dir);

  /** The generator's version line, for the report. */
  String version();
}
