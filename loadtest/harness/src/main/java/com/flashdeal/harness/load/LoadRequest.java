package com.flashdeal.harness.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One load run.
 *
 * @param gateway the gateway as the harness reaches it (a Job uses the in-cluster address instead)
 * @param usersFile the users the generator may use (email, password, access token), written by the
 *     harness
 * @param env the scenario's settings (RATE, DEAL_ID, ...), as environment variables
 * @param expectedSeconds how long the scenario runs when the system keeps up (timeouts scale on it)
 * @param firstArrival completed (epoch ms) when the generator starts its first arrival, so a fault
 *     timed "N s into the sale" strikes N s after the first buyer, not after the generator's JVM
 *     began to start
 * @param stop completed by the caller to end the run early (a scenario that sampled enough): the
 *     generator is stopped and its result holds what was written so far
 * @param generatorPid completed with the generator's process id where it is a local process
 */
public record LoadRequest(
    Scenario scenario,
    URI gateway,
    Path usersFile,
    Map<String, String> env,
    int expectedSeconds,
    CompletableFuture<Long> firstArrival,
    CompletableFuture<Void> stop,
    CompletableFuture<Long> generatorPid) {

  public LoadRequest(
      Scenario scenario,
      URI gateway,
      Path usersFile,
      Map<String, String> env,
      int expectedSeconds) {
    this(
        scenario,
        gateway,
        usersFile,
        env,
        expectedSeconds,
        new CompletableFuture<>(),
        new CompletableFuture<>(),
        new CompletableFuture<>());
  }

  /** The line the generator prints when its first arrival starts. */
  public static final String FIRST_ARRIVAL_MARK = "flashdeal-load: first arrival";
}
