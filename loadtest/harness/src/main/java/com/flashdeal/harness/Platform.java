package com.flashdeal.harness;

import java.net.URI;
import java.util.Map;

/**
 * Where a variant runs. The local platform starts JVM processes; the Kubernetes one (next issue)
 * installs charts.
 */
public interface Platform extends AutoCloseable {

  /** Brings the platform back to empty data (fresh databases, empty Redis). */
  void reset();

  /** Starts the variant and returns how to reach it. */
  Deployment deploy(String variant);

  /** Stops the deployed variant. */
  void stop();

  @Override
  default void close() {
    stop();
  }

  /**
   * @param variant the variant running (telemetry carries it as deployment.environment)
   * @param gateway the public entry point
   * @param adminEmail / adminPassword the bootstrapped admin used for seeding
   * @param services service name to its base URL (for server-side metrics)
   * @param pids service name to process id where processes are local (CPU and RSS), empty otherwise
   * @param databases service name to JDBC URL, user and password for the oracle's read-only queries
   */
  record Deployment(
      String variant,
      URI gateway,
      String adminEmail,
      String adminPassword,
      Map<String, URI> services,
      Map<String, Long> pids,
      Map<String, Database> databases) {}

  record Database(String url, String user, String password) {}
}
