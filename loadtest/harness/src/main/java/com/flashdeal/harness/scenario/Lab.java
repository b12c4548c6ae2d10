package com.flashdeal.harness.scenario;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.Measurement;
import com.flashdeal.harness.SteadyRun;
import com.flashdeal.harness.load.LoadGenerator;
import com.flashdeal.harness.load.LoadRequest;
import com.flashdeal.harness.load.LoadResult;
import com.flashdeal.harness.load.Scenario;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.seed.Deals;
import com.flashdeal.harness.seed.UserPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a scenario runs with — where the variants run, how they are measured and loaded, the seeded
 * users, the bench's settings — and what several scenarios do alike: the warm-up to steady state, a
 * deployment warmed for a search, the load request of a step, a measured window, a run's folder.
 */
public final class Lab {

  /** A buyer's request times out after this long (the generator's REQUEST_TIMEOUT_SECONDS). */
  public static final int REQUEST_TIMEOUT_SECONDS = 10;

  private static final int WARM_WINDOW_SECONDS = 10;
  private static final double WARM_TOLERANCE = 0.05;

  private final Settings settings;
  private final Path repo;
  private final Platform platform;
  private final MetricsSource metrics;
  private final LoadGenerator load;
  private final Consumer<String> progress;
  private final UserPool pool;
  private final Path users;
  private final int userCount;
  private final Path reportDir;
  private final boolean localPgBench;
  private final List<String> aborted = new ArrayList<>();
  private final List<WarmUp> warmups = new ArrayList<>();
  private final Measurement measurement;

  /**
   * @param users the users file the generator reads (already seeded, tokens valid); null for a
   *     scenario that logs no one in
   * @param userCount how many users that file holds
   * @param localPgBench pgbench can reach the databases (the local platform)
   */
  public Lab(
      Settings settings,
      Path repo,
      Platform platform,
      MetricsSource metrics,
      LoadGenerator load,
      Consumer<String> progress,
      UserPool pool,
      Path users,
      int userCount,
      Path reportDir,
      boolean localPgBench) {
    this.settings = settings;
    this.repo = repo;
    this.platform = platform;
    this.metrics = metrics;
    this.load = load;
    this.progress = progress;
    this.pool = pool;
    this.users = users;
    this.userCount = userCount;
    this.reportDir = reportDir;
    this.localPgBench = localPgBench;
    this.measurement = new Measurement(metrics);
  }

  public Settings settings() {
    return settings;
  }

  /** The variants in order (the first is every comparison's baseline). */
  public List<String> variants() {
    return settings.variants();
  }

  /** Rounds that interleave the variants. */
  public int rounds() {
    return settings.repeat();
  }

  public Path repo() {
    return repo;
  }

  public Platform platform() {
    return platform;
  }

  public MetricsSource metrics() {
    return metrics;
  }

  public LoadGenerator load() {
    return load;
  }

  public Consumer<String> progress() {
    return progress;
  }

  public UserPool pool() {
    return pool;
  }

  public Path users() {
    return users;
  }

  public int userCount() {
    return userCount;
  }

  public Path reportDir() {
    return reportDir;
  }

  public boolean localPgBench() {
    return localPgBench;
  }

  /** Where a scenario lists what it could not finish (the report shows it). */
  public List<String> aborted() {
    return aborted;
  }

  /** How long each warmed deployment took to reach steady state. */
  public List<WarmUp> warmups() {
    return List.copyOf(warmups);
  }

  public int option(String key, int fallback) {
    return settings.option(key, fallback);
  }

  public double option(String key, double fallback) {
    return settings.option(key, fallback);
  }

  public String option(String key, String fallback) {
    return settings.option(key, fallback);
  }

  /** Logs that {@code label} could not finish, and lists it for the report. */
  public void abort(String label, Exception e) {
    progress.accept(label + ": ABORTED — " + e.getMessage());
    aborted.add(label + ": " + e.getMessage());
  }

  /** A run's folder under {@code runs/}: {@code <variant>-<round>-<phase>}. */
  public Path dir(String variant, int round, String phase) {
    try {
      return Files.createDirectories(
          reportDir.resolve("runs").resolve(variant + "-" + round + "-" + phase));
    } catch (IOException e) {
      throw new HarnessException(e.getMessage(), e);
    }
  }

  /**
   * A fresh folder under {@code runs/}: {@code name}, or the first of {@code name-2}, {@code
   * name-3}, ... not taken yet (a variant listed twice must not read the first one's arrival
   * lines).
   */
  public Path freshDir(String name) {
    Path dir = reportDir.resolve("runs").resolve(name);
    Path candidate = dir;
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = dir.resolveSibling(dir.getFileName() + "-" + n);
    }
    try {
      return Files.createDirectories(candidate);
    } catch (IOException e) {
      throw new HarnessException(e.getMessage(), e);
    }
  }

  /** A measured window around one load run: every process's counters and the machine's load. */
  public Measurement.Window measure(Platform.Deployment d, Supplier<LoadResult> run) {
    return measurement.measure(d, run);
  }

  /** A search's start: the variant deployed, tokens good for it, the warm-up to steady state. */
  public Platform.Deployment warmDeployment(String search, String variant) {
    progress.accept(search + " " + variant + ": deploy");
    return warm(search, platform.deploy(variant));
  }

  /** Tokens good for a search on {@code d}, a state reset, the warm-up to steady state. */
  public Platform.Deployment warm(String search, Platform.Deployment d) {
    pool.renew(d.gateway(), Duration.ofMinutes(10), users);
    platform.resetState(d);
    warmUp(settings.warmupSeconds(), d, dir(d.variant(), 0, "warmup"), search + " " + d.variant());
    return d;
  }

  /**
   * Order-path traffic on deals of ample stock at R/2, not measured, until the system is at steady
   * state ({@link SteadyRun}: three 10 s windows whose CPU per answer agree within 5 %, and agree
   * with the three before them), for at most {@code seconds}: warm means the JIT has finished, not
   * that a fixed time passed (the time differs by variant).
   */
  public void warmUp(int seconds, Platform.Deployment d, Path dir, String label) {
    if (seconds <= 0) {
      return;
    }
    int rate = Math.max(10, settings.rate() / 2);
    int window = Math.min(WARM_WINDOW_SECONDS, Math.max(1, seconds / 3));
    SteadyRun.Plan plan = new SteadyRun.Plan(rate, window, seconds, 0, WARM_TOLERANCE, "gateway");
    progress.accept(
        "%s: warm-up at %d/s until steady (two blocks of three %d s windows within %.0f %%), at"
                .formatted(label, rate, window, WARM_TOLERANCE * 100)
            + " most %d s".formatted(seconds));
    LoadRequest request = stepRequest(Scenario.CAPACITY, d, rate, 0, plan.runSeconds(), 0);
    request.env().put("GATLING_REPORT", "off");
    SteadyRun.Result r =
        new SteadyRun(metrics, load)
            .run(d, request, dir, plan, SteadyRun.logging("warm-up", progress));
    warmups.add(
        new WarmUp(d.variant(), label, r.steadyAfterSeconds(), r.windows() * window, r.settled()));
    progress.accept(
        r.settled()
            ? "%s: steady after %.0f s (%.3f ms of system CPU per order)"
                .formatted(label, r.steadyAfterSeconds(), r.last().systemMs())
            : "%s: NOT steady within %d s (last window %.3f ms per order)"
                .formatted(label, seconds, r.last() == null ? Double.NaN : r.last().systemMs()));
  }

  /**
   * A knee search's step (or a warm-up run): its settings and the deals its arrivals need.
   *
   * @param soldOutDeal for {@link Scenario#SOLD_OUT}: the sold-out deal every arrival asks for
   */
  public LoadRequest stepRequest(
      Scenario scenario,
      Platform.Deployment d,
      int rate,
      int leadIn,
      int seconds,
      long soldOutDeal) {
    Map<String, String> env = new HashMap<>();
    env.put("RATE", Integer.toString(rate));
    env.put("LEAD_IN_SECONDS", Integer.toString(leadIn));
    env.put("DURATION_SECONDS", Integer.toString(seconds));
    env.put("RUN_ID", Long.toString(System.nanoTime(), 36));
    env.put("REQUEST_TIMEOUT_SECONDS", Integer.toString(REQUEST_TIMEOUT_SECONDS));
    if (scenario != Scenario.LOGIN) {
      // Arrival lines on: the split of answers per step (201 / 409 / 503 OVERLOADED / ...) is
      // counted from them.
      // One hot deal at a time: the next opens when the users of the current one are used up.
      int arrivals = rate * (leadIn + 1) + rate * (seconds + 1);
      // SOLD_OUT: every arrival asks for the same sold-out deal: a user comes back only after all
      // the others, with a new key, and holds no order for it (the unit went to the admin).
      boolean soldOut = scenario == Scenario.SOLD_OUT;
      if (soldOut) {
        env.put("EXPECT", "sold_out");
      }
      env.put(
          "DEALS", new Deals(d).forArrivals(arrivals, settings.users(), soldOut ? soldOutDeal : 0));
    }
    return new LoadRequest(scenario, d.gateway(), users, env, leadIn + seconds);
  }

  /**
   * How long one deployment took to reach steady state before a warm sale or a knee search.
   *
   * @param steadyAfterSeconds NaN when it did not settle within the bound
   * @param ranSeconds how long the warm-up ran
   */
  public record WarmUp(
      String variant,
      String label,
      double steadyAfterSeconds,
      double ranSeconds,
      boolean settled) {}
}
