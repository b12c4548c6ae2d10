package com.flashdeal.harness.scenario;

/**
 * A scenario as a plug-in: its id, its options (read from the bench's option map), its run and its
 * part of the report. The bench does what is common — the users, the AOT training run, the report
 * files — and hands the scenario a {@link Lab}. Adding one is a package with an implementation and
 * a line in {@link Scenarios}; no other scenario changes.
 */
public interface BenchScenario {

  /** The {@code --scenario} name. */
  String id();

  /** One line for {@code --help}. */
  String summary();

  /** Users the scenario's arrivals need in the pool. */
  default int usersNeeded(int users) {
    return Math.max(users, 200);
  }

  /** Runs on the lab; the result is the scenario's part of the report. */
  ScenarioReport run(Lab lab) throws Exception;
}
