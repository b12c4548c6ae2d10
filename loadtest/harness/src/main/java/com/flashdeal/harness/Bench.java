package com.flashdeal.harness;

import com.flashdeal.harness.load.LoadGenerator;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.platform.VariantName;
import com.flashdeal.harness.sale.SaleScenario;
import com.flashdeal.harness.scenario.BenchScenario;
import com.flashdeal.harness.scenario.Lab;
import com.flashdeal.harness.scenario.ScenarioReport;
import com.flashdeal.harness.scenario.Scenarios;
import com.flashdeal.harness.scenario.Settings;
import com.flashdeal.harness.seed.UserPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drives a bench: what every scenario needs before it runs — the users, seeded once on a deployment
 * of their own, and the AOT training run — then the scenario itself ({@link Scenarios}), which
 * deploys, resets, interleaves variants and rounds, and judges, with what its {@link Lab} offers.
 */
public final class Bench {

  /** What a bench produced, for the report. */
  public record Outcome(
      List<String> aborted,
      UserPool.Seeding seeding,
      ScenarioReport part,
      List<Lab.WarmUp> warmups) {}

  private final Path repo;
  private final Platform platform;
  private final MetricsSource metrics;
  private final LoadGenerator load;
  private final Consumer<String> progress;
  private final boolean localPgBench;

  public Bench(
      Path repo,
      Platform platform,
      MetricsSource metrics,
      LoadGenerator load,
      boolean localPgBench,
      Consumer<String> progress) {
    this.repo = repo;
    this.platform = platform;
    this.metrics = metrics;
    this.load = load;
    this.localPgBench = localPgBench;
    this.progress = progress;
  }

  public Outcome run(Settings s, Path reportDir) throws Exception {
    BenchScenario scenario = Scenarios.named(s.scenario());
    if (!scenario.seedsUsers()) {
      Lab lab = lab(s, null, null, 0, reportDir);
      ScenarioReport part = scenario.run(lab);
      return new Outcome(lab.aborted(), null, part, lab.warmups());
    }
    platform.prepare(s.reuseUsers());
    UserPool pool = new UserPool(repo.resolve(".flashdeal/bench/users.json"), progress);
    int needed = scenario.usersNeeded(s);
    // Users are seeded on a deployment of their own, so the first cold sale meets JVMs that have
    // not served a single request. When +aot variants have no caches yet for these jars, that
    // deployment is the training run too: the seeding's logins, then warm-up traffic and one sale,
    // unmeasured, and its stop writes one cache per service, for every variant.
    String training = training(s);
    progress.accept(
        "bench: users ("
            + needed
            + ")"
            + (training == null
                ? ""
                : ", on the AOT training run (recording class loading and method profiles)"));
    Platform.Deployment seedDeployment =
        platform.deploy(
            training != null ? training : VariantName.parse(s.variants().getFirst()).base());
    UserPool.Seeding seeding =
        pool.ensure(seedDeployment.gateway(), needed, tokensFor(s), s.reuseUsers());
    progress.accept(
        "bench: %d users ready (%d signed up, %d logged in) in %.1f s"
            .formatted(seeding.users(), seeding.signedUp(), seeding.loggedIn(), seeding.seconds()));
    Path users = pool.writeSlice(reportDir.resolve("users.json"), 0, needed);
    Lab lab = lab(s, pool, users, needed, reportDir);
    if (training != null) {
      SaleScenario.train(lab, seedDeployment);
    }
    long t0 = System.nanoTime();
    platform.stop();
    if (training != null) {
      progress.accept(
          "AOT training: caches written in %.0f s".formatted((System.nanoTime() - t0) / 1e9));
    }
    ScenarioReport part = scenario.run(lab);
    return new Outcome(lab.aborted(), seeding, part, lab.warmups());
  }

  private Lab lab(Settings s, UserPool pool, Path users, int userCount, Path reportDir) {
    return new Lab(
        s,
        repo,
        platform,
        metrics,
        load,
        progress,
        pool,
        users,
        userCount,
        reportDir,
        localPgBench);
  }

  /**
   * How long the tokens must stay valid from the start: the whole bench if a token lives that long.
   * A login costs auth-service an Argon2id hash (~0.1 s of a core): 500 renewals between two runs
   * add ~50 s to the bench and warm the gateway before a cold sale. Renewed here, on the unmeasured
   * seeding deployment, they are not due again; a longer bench renews what is due between rounds.
   */
  private static Duration tokensFor(Settings s) {
    long seconds = 60 + 45L * s.variants().size() * s.repeat();
    // At most auth-service's token lifetime (15 min) less a margin, at least the old 5 min.
    return Duration.ofSeconds(Math.clamp(seconds, 5 * 60, 14 * 60));
  }

  /**
   * The variant to train the AOT caches on (the first {@code +aot} one), or null when no variant
   * starts from a cache or the caches for these jars are recorded already.
   */
  private String training(Settings s) {
    for (String variant : s.variants()) {
      VariantName name = VariantName.parse(variant);
      if (name.aot() != VariantName.Aot.ON) {
        continue;
      }
      if (platform.aotReady(variant)) {
        progress.accept("AOT caches are recorded for these jars: no training run");
        return null;
      }
      return name.training();
    }
    return null;
  }
}
