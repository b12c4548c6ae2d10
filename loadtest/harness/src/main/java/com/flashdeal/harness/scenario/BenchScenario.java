package com.flashdeal.harness.scenario;

/**
 * A scenario as a plug-in: its id, its options (read from the settings' option map under its own
 * prefix), its run and its part of the report. The bench does what is common — the users, the AOT
 * training run, the report files — and hands the scenario a {@link Lab}. Adding one is a package
 * with an implementation and a line in {@link Scenarios}; no other scenario changes.
 */
public interface BenchScenario {

  /** The {@code --scenario} name. */
  String id();

  /** One line for {@code --help}. */
  String summary();

  /** Users the scenario's arrivals need in the pool. */
  default int usersNeeded(Settings s) {
    return Math.max(s.users(), 200);
  }

  /** Whether the bench seeds users (and trains the AOT caches) before the run. */
  default boolean seedsUsers() {
    return true;
  }

  /** Fails, before anything starts, on settings this scenario cannot run with. */
  default void validate(Settings s) {}

  /** The report's settings line. */
  default String describe(Settings s) {
    String own = s.optionsOf(id());
    return "%s: %d round(s) of %s%s."
        .formatted(
            summary(),
            s.repeat(),
            String.join(", ", s.variants()),
            own.isEmpty() ? "" : "; " + own);
  }

  /** Runs on the lab; the result is the scenario's part of the report. */
  ScenarioReport run(Lab lab) throws Exception;
}
