package com.flashdeal.harness.platform;

import java.net.URI;
import java.util.Map;

/**
 * Where a variant runs: local JVM processes or a Kubernetes cluster. The bench drives both the same
 * way: {@link #prepare} once, then per variant and round {@link #deploy} (a fresh start: the cold
 * case) and {@link #resetState} between the sales of one deployment (warm, no restart).
 */
public interface Platform extends AutoCloseable {

  /**
   * Fresh product and order databases for a bench; the auth database (the seeded users) too unless
   * {@code keepUsers}.
   */
  void prepare(boolean keepUsers);

  /** Starts the variant from scratch (stopping whatever ran) and returns how to reach it. */
  Deployment deploy(String variant);

  /**
   * Empties product-service's and order-service's data while the services run: the next sale starts
   * from the same state on warm JVMs. The auth data (users) stays.
   */
  void resetState(Deployment deployment);

  /**
   * Whether a {@code +aot} variant's caches are recorded already (no training run needed); false
   * where the platform has no AOT caches.
   */
  default boolean aotReady(String variant) {
    return false;
  }

  /**
   * Injects a fault into the running deployment and returns once its target is back (a killed
   * service started again and ready, a restarted server answering).
   *
   * @throws com.flashdeal.harness.HarnessException when this platform cannot inject it
   */
  default void inject(Deployment deployment, com.flashdeal.harness.fault.Fault fault) {
    throw new com.flashdeal.harness.HarnessException(
        "faults are injected on the local platform only (here, the cluster restarts pods itself)");
  }

  /**
   * The message broker's {@code amqp://} URL as the harness reaches it, when the deployment has one
   * running (Phase 5): the reset purges its queues and the sale samples their depth.
   */
  default java.util.Optional<String> brokerUrl(Deployment deployment) {
    return java.util.Optional.empty();
  }

  /** Stops the deployed variant. */
  void stop();

  @Override
  default void close() {
    stop();
  }

  /**
   * @param variant the variant running (telemetry carries it as deployment.environment)
   * @param gateway the public entry point, as the harness reaches it
   * @param adminEmail / adminPassword the bootstrapped admin used for seeding
   * @param services service name to its base URL (for server-side metrics)
   * @param pids process name to process id where processes are local (the four services, and the
   *     PostgreSQL and Redis servers, for CPU and RSS); empty otherwise
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
