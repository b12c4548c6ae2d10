package com.flashdeal.harness;

import com.flashdeal.harness.async.AsyncFigures;
import com.flashdeal.harness.async.AsyncSampler;
import com.flashdeal.harness.battle.BattleArtifacts;
import com.flashdeal.harness.battle.BattleResult;
import com.flashdeal.harness.battle.FirstOrder;
import com.flashdeal.harness.capacity.CapacityResult;
import com.flashdeal.harness.capacity.KneeSearch;
import com.flashdeal.harness.capacity.PgBench;
import com.flashdeal.harness.explain.IndexStudy;
import com.flashdeal.harness.fault.Fault;
import com.flashdeal.harness.fault.FaultRecord;
import com.flashdeal.harness.load.Arrival;
import com.flashdeal.harness.load.LoadGenerator;
import com.flashdeal.harness.load.LoadRequest;
import com.flashdeal.harness.load.LoadResult;
import com.flashdeal.harness.load.SaleFigures;
import com.flashdeal.harness.load.Scenario;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.metrics.Procfs;
import com.flashdeal.harness.oracle.Oracle;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.platform.VariantName;
import com.flashdeal.harness.seed.Deals;
import com.flashdeal.harness.seed.UserPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Drives a bench: users once, then per round and variant a fresh deployment (the cold sale), a
 * state reset and warm-up traffic on the same JVMs, and the warm sale; or the knee searches. Rounds
 * interleave the variants, so slow drift of the machine does not favour one of them.
 */
public final class Bench {

  /**
   * @param stock S: units of the hot deal
   * @param users U: arrivals of a sale, one user each (about 10 x S)
   * @param rate R: arrivals per second
   * @param warmupSeconds warm-up traffic on the order path before each warm sale
   * @param cold also measure the sale right after the services start
   * @param reuseUsers keep the auth database and the users file of an earlier bench
   * @param fault sale: injected into every warm sale (null: none); the oracle judges after the
   *     target is back and the settle period
   * @param retrySeconds sale: how long a buyer told to come back (503 + Retry-After, or cut off)
   *     keeps asking with the same Idempotency-Key (0: never)
   * @param soldOutSloMs sold-out: the p99 of SOLD_OUT answers a step must meet
   * @param volumeOrders explain: past orders of the seeded history (the rest scales with it)
   * @param pastKnee capacity: after the knee, one step at each of these multiples of it (the
   *     overload curve: how the answers split between 201, 409 and 503 past the knee)
   * @param options the plug-in scenarios' own options, as {@code <scenario>.<option>} keys
   */
  public record Settings(
      String scenario,
      List<String> variants,
      int repeat,
      int stock,
      int users,
      int rate,
      int perUserLimit,
      int warmupSeconds,
      boolean cold,
      boolean reuseUsers,
      double sloMs,
      double loginSloMs,
      double soldOutSloMs,
      int stepSeconds,
      int startRate,
      int maxRate,
      List<Double> pastKnee,
      Fault fault,
      int retrySeconds,
      int volumeOrders,
      Map<String, String> options) {}

  /** What a bench produced, for the report. */
  public record Outcome(
      List<String> aborted,
      List<RunResult> sales,
      List<CapacityResult> capacity,
      PgBench pgbench,
      UserPool.Seeding seeding,
      IndexStudy.Result indexes,
      BattleResult battle,
      com.flashdeal.harness.scenario.ScenarioReport part,
      List<WarmUp> warmups) {

    Outcome withWarmups(List<WarmUp> w) {
      return new Outcome(
          aborted, sales, capacity, pgbench, seeding, indexes, battle, part, List.copyOf(w));
    }

    public Outcome(
        List<String> aborted,
        List<RunResult> sales,
        List<CapacityResult> capacity,
        PgBench pgbench,
        UserPool.Seeding seeding,
        IndexStudy.Result indexes,
        BattleResult battle) {
      this(aborted, sales, capacity, pgbench, seeding, indexes, battle, null, List.of());
    }

    public Outcome(
        List<String> aborted,
        List<RunResult> sales,
        List<CapacityResult> capacity,
        PgBench pgbench,
        UserPool.Seeding seeding) {
      this(aborted, sales, capacity, pgbench, seeding, null, null);
    }
  }

  private static final int REQUEST_TIMEOUT_SECONDS = 10;

  /**
   * Longest wait for units held without an order to come back (product-service's reaper: hold 5 s +
   * interval 1 s, plus margin); a run that passes or fails for good is judged at once.
   */
  private static final Duration SETTLE = Duration.ofSeconds(10);

  private final Path repo;
  private final Platform platform;
  private final MetricsSource metrics;
  private final LoadGenerator load;
  private final Consumer<String> progress;
  private final boolean localPgBench;
  private final List<String> aborted = new ArrayList<>();
  private final Measurement measurement;

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
    this.measurement = new Measurement(metrics);
  }

  public Outcome run(Settings s, Path reportDir) throws Exception {
    if (s.scenario().equals("explain")) {
      return indexStudy(s, reportDir);
    }
    platform.prepare(s.reuseUsers());
    UserPool pool = new UserPool(repo.resolve(".flashdeal/bench/users.json"), progress);
    int needed = s.scenario().equals("sale") ? s.users() : Math.max(s.users(), 200);
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
    PgBench pg = s.scenario().equals("capacity") && localPgBench ? pgbench(seedDeployment) : null;
    if (training != null) {
      train(s, seedDeployment, users, reportDir);
    }
    long t0 = System.nanoTime();
    platform.stop();
    if (training != null) {
      progress.accept(
          "AOT training: caches written in %.0f s".formatted((System.nanoTime() - t0) / 1e9));
    }
    Outcome outcome =
        switch (s.scenario()) {
          case "sale" ->
              new Outcome(aborted, sales(s, pool, users, reportDir), List.of(), null, seeding);
          case "capacity" ->
              new Outcome(aborted, List.of(), capacity(s, pool, users, reportDir), pg, seeding);
          case "sold-out" ->
              new Outcome(aborted, List.of(), soldOut(s, pool, users, reportDir), null, seeding);
          case "login" ->
              new Outcome(aborted, List.of(), List.of(login(s, users, reportDir)), null, seeding);
          case "battle" -> {
            List<CapacityResult> searches = new ArrayList<>();
            BattleResult battle = battle(s, pool, users, reportDir, searches);
            yield new Outcome(aborted, List.of(), searches, null, seeding, null, battle);
          }
          default -> {
            var plugin =
                com.flashdeal.harness.scenario.Scenarios.of(s.scenario())
                    .orElseThrow(() -> new HarnessException("unknown scenario " + s.scenario()));
            var part =
                plugin.run(
                    new com.flashdeal.harness.scenario.Lab(
                        s.variants(),
                        s.repeat(),
                        needed,
                        platform,
                        metrics,
                        load,
                        progress,
                        pool,
                        users,
                        reportDir,
                        s.options(),
                        aborted));
            yield new Outcome(
                aborted, List.of(), List.of(), null, seeding, null, null, part, List.of());
          }
        };
    return outcome.withWarmups(warmups);
  }

  private List<RunResult> sales(Settings s, UserPool pool, Path users, Path reportDir)
      throws Exception {
    List<RunResult> results = new ArrayList<>();
    int total = s.variants().size() * s.repeat();
    int n = 0;
    for (int round = 1; round <= s.repeat(); round++) {
      for (String variant : s.variants()) {
        n++;
        String label = "[%d/%d] %s round %d".formatted(n, total, variant, round);
        try {
          round(s, pool, users, reportDir, results, variant, round, label);
        } catch (HarnessException e) {
          // A deployment that falls over (a crash, an OutOfMemoryError) ends this round of this
          // variant, not the bench: the next deploy starts fresh, and the report lists it.
          progress.accept(label + ": ABORTED — " + e.getMessage());
          aborted.add(label + ": " + e.getMessage());
        }
      }
    }
    platform.stop();
    return results;
  }

  private void round(
      Settings s,
      UserPool pool,
      Path users,
      Path reportDir,
      List<RunResult> results,
      String variant,
      int round,
      String label)
      throws Exception {
    progress.accept(label + ": deploy");
    long t0 = System.nanoTime();
    Platform.Deployment d = platform.deploy(variant);
    double startup = (System.nanoTime() - t0) / 1e9;
    pool.renew(d.gateway(), Duration.ofMinutes(3), users);
    platform.resetState(d);
    if (s.cold()) {
      results.add(
          sale(
              s,
              d,
              users,
              dir(reportDir, variant, round, RunResult.COLD),
              label + " cold",
              round,
              RunResult.COLD,
              startup));
      platform.resetState(d);
    }
    warmUp(
        s.warmupSeconds(),
        s.rate(),
        s.users(),
        d,
        users,
        dir(reportDir, variant, round, "warmup"),
        label);
    platform.resetState(d);
    results.add(
        sale(
            s,
            d,
            users,
            dir(reportDir, variant, round, RunResult.WARM),
            label + " warm",
            round,
            RunResult.WARM,
            startup));
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

  /** The training run's traffic after seeding: warm-up, then one sale, neither measured. */
  private void train(Settings s, Platform.Deployment d, Path users, Path reportDir)
      throws Exception {
    String label = "AOT training " + d.variant();
    platform.resetState(d);
    warmUp(
        Math.max(10, s.warmupSeconds() * 2),
        s.rate(),
        s.users(),
        d,
        users,
        dir(reportDir, d.variant(), 0, "warmup"),
        label);
    platform.resetState(d);
    sale(s, d, users, dir(reportDir, d.variant(), 0, "sale"), label, 0, "training", 0);
  }

  private static Path dir(Path reportDir, String variant, int round, String phase)
      throws Exception {
    return Files.createDirectories(
        reportDir.resolve("runs").resolve(variant + "-" + round + "-" + phase));
  }

  private RunResult sale(
      Settings s,
      Platform.Deployment d,
      Path users,
      Path dir,
      String label,
      int round,
      String phase,
      double startup) {
    Deals.Deal deal = new Deals(d).open(s.stock(), s.perUserLimit());
    int seconds = (int) Math.ceil((double) s.users() / s.rate());
    Map<String, String> env = new HashMap<>();
    env.put("DEAL_ID", Long.toString(deal.id()));
    env.put("RATE", Integer.toString(s.rate()));
    env.put("ARRIVALS", Integer.toString(s.users()));
    env.put("RUN_ID", Long.toString(System.currentTimeMillis(), 36));
    env.put("RETRY_SECONDS", Integer.toString(s.retrySeconds()));
    env.put("REQUEST_TIMEOUT_SECONDS", Integer.toString(REQUEST_TIMEOUT_SECONDS));
    progress.accept(
        label
            + ": sale of "
            + s.stock()
            + " units, "
            + s.users()
            + " arrivals at "
            + s.rate()
            + "/s");
    // Faults strike warm sales: the cold sale is about code the JIT has not compiled yet.
    Fault fault = phase.equals(RunResult.WARM) ? s.fault() : null;
    LoadRequest request = new LoadRequest(Scenario.SALE, d.gateway(), users, env, seconds);
    java.util.concurrent.CompletableFuture<FaultRecord> struck =
        fault == null ? null : strike(d, fault, label, request.firstArrival());
    AsyncSampler sampler =
        platform.brokerUrl(d).map(url -> AsyncSampler.start(d, url)).orElse(null);
    Measurement.Window w = measure(d, () -> load.run(request, dir));
    LoadResult result = w.load();
    // The oracle judges once the target is back: a killed order-service settles its reservations
    // only when it answers again.
    FaultRecord faultRecord = struck == null ? null : struck.join();
    SaleFigures figures = SaleFigures.of(result.arrivals(), s.stock());
    Oracle.Verdict verdict =
        new Oracle()
            .check(
                d,
                new Oracle.Observed(
                    deal.id(), s.stock(), s.perUserLimit(), result.arrivals(), fault != null),
                SETTLE);
    FaultRecord.Outcome faultOutcome =
        faultRecord == null ? null : faultRecord.outcome(result.arrivals(), verdict.notes());
    // After the oracle settled: every accepted order is decided by then (or the run failed).
    AsyncFigures async = null;
    if (sampler != null) {
      async =
          result.arrivals().stream().anyMatch(Arrival::accepted)
              ? sampler.finish(deal.id(), result.arrivals())
              : null;
      sampler.close();
    }
    long dropped = (long) result.count("late_arrivals");
    String status = !verdict.passed() ? "FAILED" : result.valid() ? "PASSED" : "INVALID";
    RunResult r =
        new RunResult(
            d.variant(),
            round,
            phase,
            status,
            result.valid(),
            verdict.violations(),
            figures,
            verdict.figures(),
            w.processes(),
            result.generatorCpuSeconds(),
            result.generatorPeakRssMib(),
            dropped,
            w.machine(),
            startup,
            faultOutcome,
            async);
    if (async != null) {
      progress.accept(
          "%s: async — 202 p99 %.0f ms; decision seen p99 %.0f ms, recorded p50 %.0f / p99 %.0f ms; drained %.1f s after the last 202; backlog max %s; outbox lag max %s ms; dead letters %d"
              .formatted(
                  label,
                  async.acceptedMs().getOrDefault("p99", Double.NaN),
                  async.decidedMs().getOrDefault("p99", Double.NaN),
                  async.serverDecisionMs().getOrDefault("p50", Double.NaN),
                  async.serverDecisionMs().getOrDefault("p99", Double.NaN),
                  async.drainSeconds(),
                  async.maxBacklog(),
                  async.maxLagMs(),
                  async.deadLetters()));
    }
    if (faultOutcome != null) {
      progress.accept(
          "%s: fault %s at %.1f s: back after %.1f s, buying again after %.1f s; answers while down %s%s"
                  .formatted(
                      label,
                      faultOutcome.fault(),
                      faultOutcome.atSecond(),
                      faultOutcome.downSeconds(),
                      faultOutcome.recoverySeconds(),
                      faultOutcome.answersWhileDown(),
                      faultOutcome.error().isEmpty() ? "" : " — " + faultOutcome.error())
              + (faultOutcome.notes().isEmpty()
                  ? ""
                  : "; note: " + String.join("; ", faultOutcome.notes())));
    }
    progress.accept(
        "%s: %s — sold %d/%d in %s, order p99 201 %.0f ms / 409 %.0f ms, %d errors, %s late starts %d, generator %.3f ms/request%s%s"
            .formatted(
                label,
                status,
                figures.created(),
                s.stock(),
                Double.isNaN(figures.sellOutSeconds())
                    ? "(not sold out)"
                    : "%.2f s".formatted(figures.sellOutSeconds()),
                figures.createdMs().getOrDefault("p99", Double.NaN),
                figures.soldOutMs().getOrDefault("p99", Double.NaN),
                figures.errors(),
                figures.rateLimited() == 0
                    ? ""
                    : "%d rate-limited (429, %.1f %% of arrivals),"
                        .formatted(
                            figures.rateLimited(),
                            100.0 * figures.rateLimited() / Math.max(1, figures.arrivals())),
                dropped,
                result.generatorMsPerRequest(),
                w.machine().disturbed()
                    ? " — DISTURBED (others used %.2f cores)".formatted(w.machine().othersCores())
                    : "",
                verdict.passed() ? "" : " — " + String.join("; ", verdict.violations())));
    return r;
  }

  /**
   * Injects the fault {@code fault.after()} after the sale's first arrival, off the caller's
   * thread.
   */
  private java.util.concurrent.CompletableFuture<FaultRecord> strike(
      Platform.Deployment d,
      Fault fault,
      String label,
      java.util.concurrent.CompletableFuture<Long> firstArrival) {
    var done = new java.util.concurrent.CompletableFuture<FaultRecord>();
    Thread.ofVirtual()
        .name("fault")
        .start(
            () -> {
              firstArrival.join();
              Waiting.sleep(fault.after());
              long at = System.currentTimeMillis();
              progress.accept(label + ": fault " + fault);
              try {
                platform.inject(d, fault);
                done.complete(
                    new FaultRecord(fault.toString(), at, System.currentTimeMillis(), ""));
              } catch (RuntimeException e) {
                done.complete(new FaultRecord(fault.toString(), at, 0, e.getMessage()));
              }
            });
    return done;
  }

  /**
   * Order-path traffic on deals of ample stock, not measured, until the system is at steady state
   * (three 10 s windows whose CPU per answer agree within 5 %), for at most {@code seconds}: warm
   * means the JIT has finished, not that a fixed time passed (the time differs by variant).
   */
  private void warmUp(
      int seconds,
      int saleRate,
      int userCount,
      Platform.Deployment d,
      Path users,
      Path dir,
      String label) {
    if (seconds <= 0) {
      return;
    }
    int rate = Math.max(10, saleRate / 2);
    int window = Math.min(WARM_WINDOW_SECONDS, Math.max(1, seconds / 3));
    SteadyRun.Plan plan = new SteadyRun.Plan(rate, window, seconds, 0, WARM_TOLERANCE, "gateway");
    progress.accept(
        "%s: warm-up at %d/s until steady (three %d s windows within %.0f %%), at most %d s"
            .formatted(label, rate, window, WARM_TOLERANCE * 100, seconds));
    LoadRequest request =
        stepRequest(Scenario.CAPACITY, d, users, userCount, rate, 0, plan.runSeconds(), 0);
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

  private static final int WARM_WINDOW_SECONDS = 10;
  private static final double WARM_TOLERANCE = 0.05;

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

  private final List<WarmUp> warmups = new ArrayList<>();

  private LoadResult step(
      Scenario scenario,
      Platform.Deployment d,
      Path users,
      int userCount,
      int rate,
      int leadIn,
      int seconds,
      Path dir,
      long soldOutDeal) {
    return load.run(
        stepRequest(scenario, d, users, userCount, rate, leadIn, seconds, soldOutDeal), dir);
  }

  /** A knee search's step (or a warm-up run): its settings and the deals its arrivals need. */
  private LoadRequest stepRequest(
      Scenario scenario,
      Platform.Deployment d,
      Path users,
      int userCount,
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
      env.put("DEALS", new Deals(d).forArrivals(arrivals, userCount, soldOut ? soldOutDeal : 0));
    }
    return new LoadRequest(scenario, d.gateway(), users, env, leadIn + seconds);
  }

  /** A knee search's start: the variant deployed, tokens good for the search, warm-up traffic. */
  private Platform.Deployment warmDeployment(
      String search, String variant, Settings s, UserPool pool, Path users, Path reportDir)
      throws Exception {
    progress.accept(search + " " + variant + ": deploy");
    Platform.Deployment d = platform.deploy(variant);
    pool.renew(d.gateway(), Duration.ofMinutes(10), users);
    platform.resetState(d);
    warmUp(
        s.warmupSeconds(),
        s.rate(),
        s.users(),
        d,
        users,
        dir(reportDir, variant, 0, "warmup"),
        search + " " + variant);
    return d;
  }

  private List<CapacityResult> capacity(Settings s, UserPool pool, Path users, Path reportDir)
      throws Exception {
    List<CapacityResult> out = new ArrayList<>();
    for (String variant : s.variants()) {
      Platform.Deployment d = warmDeployment("capacity", variant, s, pool, users, reportDir);
      Probe probe = new Probe(Scenario.CAPACITY, "order path", s.sloMs(), 0);
      CapacityResult found = knee(probe, s, s.startRate(), d, users, reportDir);
      List<CapacityResult.StepFigures> steps = new ArrayList<>(found.steps());
      int knee = Math.max(found.knee().knee(), s.startRate());
      for (double multiple : s.pastKnee()) {
        int rate = (int) Math.round(knee * multiple);
        steps.add(measureStep(probe, s, d, users, reportDir, rate, false, steps.size(), multiple));
      }
      out.add(
          new CapacityResult(found.variant(), found.target(), found.sloMs(), found.knee(), steps));
      platform.stop();
    }
    return out;
  }

  /** The service whose stack the battle's variants change (Phase 4: order-service). */
  static final String BATTLE_SERVICE = "order-service";

  /**
   * Phase 4's battle, rounds interleaving the variants (the first is the reference). Per round and
   * variant, on a fresh deployment: the service is killed and started again while orders are tried
   * (start to first order), its idle memory read, then after warm-up the order path's knee is
   * searched and both variants are measured at 50 % and 90 % of the reference's knee of the round
   * (p99, CPU per order), and the service's peak memory read at the end.
   */
  private BattleResult battle(
      Settings s, UserPool pool, Path users, Path reportDir, List<CapacityResult> searches)
      throws Exception {
    List<BattleResult.Sample> samples = new ArrayList<>();
    String reference = s.variants().getFirst();
    Probe probe = new Probe(Scenario.CAPACITY, "order path", s.sloMs(), 0);
    for (int round = 1; round <= s.repeat(); round++) {
      int referenceRate = 0;
      for (String variant : s.variants()) {
        String label = "[round %d/%d] %s".formatted(round, s.repeat(), variant);
        try {
          progress.accept("battle " + label + ": deploy");
          Platform.Deployment d = platform.deploy(variant);
          pool.renew(d.gateway(), Duration.ofMinutes(15), users);
          platform.resetState(d);
          long firstOrderDeal = new Deals(d).open(Math.max(1000, s.users()), 1).id();
          double firstOrder =
              FirstOrder.measure(
                  platform, d, BATTLE_SERVICE, pool.users(), firstOrderDeal, progress);
          Thread.sleep(5000);
          double idleRss = Procfs.rssMib(d.pids().get(BATTLE_SERVICE));
          platform.resetState(d);
          warmUp(
              s.warmupSeconds(),
              s.rate(),
              s.users(),
              d,
              users,
              dir(reportDir, variant, round, "warmup"),
              "battle " + label);
          CapacityResult found = knee(probe, s, s.startRate(), d, users, reportDir);
          int knee = Math.max(found.knee().knee(), s.startRate());
          if (variant.equals(reference) || referenceRate == 0) {
            referenceRate = knee;
          }
          List<CapacityResult.StepFigures> steps = new ArrayList<>(found.steps());
          CapacityResult.StepFigures at50 =
              measureStep(
                  probe,
                  s,
                  d,
                  users,
                  reportDir,
                  (int) Math.round(referenceRate * 0.5),
                  false,
                  steps.size(),
                  0);
          steps.add(at50);
          CapacityResult.StepFigures at90 =
              measureStep(
                  probe,
                  s,
                  d,
                  users,
                  reportDir,
                  (int) Math.round(referenceRate * 0.9),
                  false,
                  steps.size(),
                  0);
          steps.add(at90);
          double peakRss = Procfs.peakRssMib(d.pids().get(BATTLE_SERVICE));
          searches.add(
              new CapacityResult(
                  found.variant(), found.target(), found.sloMs(), found.knee(), steps));
          BattleResult.Sample sample =
              new BattleResult.Sample(
                  variant,
                  round,
                  firstOrder,
                  idleRss,
                  peakRss,
                  found.knee().knee(),
                  referenceRate,
                  at50.p99Ms(),
                  at90.p99Ms(),
                  at90.cpuPerThousand().getOrDefault(BATTLE_SERVICE, Double.NaN),
                  at90.cpuPerThousand().values().stream()
                      .filter(v -> v >= 0)
                      .mapToDouble(Double::doubleValue)
                      .sum());
          samples.add(sample);
          progress.accept(
              "battle %s: knee %d/s, p99 %.1f / %.1f ms at %d / %d/s, %.2f CPU s per 1,000 orders, RSS %.0f idle / %.0f peak MiB, first order %.0f ms"
                  .formatted(
                      label,
                      found.knee().knee(),
                      at50.p99Ms(),
                      at90.p99Ms(),
                      at50.rate(),
                      at90.rate(),
                      sample.cpuAt90(),
                      idleRss,
                      peakRss,
                      firstOrder));
        } catch (HarnessException e) {
          progress.accept("battle " + label + ": ABORTED — " + e.getMessage());
          aborted.add("battle " + label + ": " + e.getMessage());
        } finally {
          platform.stop();
        }
      }
    }
    return new BattleResult(
        reference, BATTLE_SERVICE, samples, BattleArtifacts.of(repo, s.variants()));
  }

  /**
   * Per variant, the knee of SOLD_OUT answers: after warm-up, a deal of one unit is sold (to the
   * admin, outside the user pool) and every arrival of the search asks for it. Most of a flash
   * sale's requests arrive after the last unit went; this is the rate a variant turns them away at.
   */
  private List<CapacityResult> soldOut(Settings s, UserPool pool, Path users, Path reportDir)
      throws Exception {
    List<CapacityResult> out = new ArrayList<>();
    for (String variant : s.variants()) {
      Platform.Deployment d = warmDeployment("sold-out", variant, s, pool, users, reportDir);
      Deals deals = new Deals(d);
      long deal = deals.sellOut(deals.open(1, 1));
      Probe probe = new Probe(Scenario.SOLD_OUT, "SOLD_OUT answers", s.soldOutSloMs(), deal);
      out.add(knee(probe, s, s.startRate(), d, users, reportDir));
      platform.stop();
    }
    return out;
  }

  /**
   * The index study: fresh product and order databases, migrated by a deployment of the first
   * variant, filled with a shop's history, the hot statements planned with and without each index;
   * the volume is emptied afterwards (the users stay), so later benches start from the usual state.
   */
  private Outcome indexStudy(Settings s, Path reportDir) {
    platform.prepare(true);
    String variant = VariantName.parse(s.variants().getFirst()).base();
    progress.accept("explain: deploy " + variant + " (its services migrate the databases)");
    Platform.Deployment d = platform.deploy(variant);
    try {
      IndexStudy.Result r =
          new IndexStudy(d.databases(), progress)
              .run(IndexStudy.Sizes.of(s.volumeOrders()), reportDir.resolve("plans"));
      return new Outcome(aborted, List.of(), List.of(), null, null, r, null);
    } finally {
      platform.resetState(d);
      platform.stop();
    }
  }

  private CapacityResult login(Settings s, Path users, Path reportDir) throws Exception {
    String variant = s.variants().getFirst();
    progress.accept(
        "login capacity: deploy " + variant + " (auth-service is the same in every variant)");
    Platform.Deployment d = platform.deploy(variant);
    CapacityResult r =
        knee(
            new Probe(Scenario.LOGIN, "login", s.loginSloMs(), 0),
            s,
            Math.min(s.startRate(), 8),
            d,
            users,
            reportDir);
    platform.stop();
    return new CapacityResult("auth-service", r.target(), r.sloMs(), r.knee(), r.steps());
  }

  /**
   * What a knee search loads and judges: the scenario, its name in the report, the p99 a step must
   * meet and, for SOLD_OUT answers, the sold-out deal every arrival asks for.
   */
  private record Probe(Scenario scenario, String target, double slo, long soldOutDeal) {}

  private CapacityResult knee(
      Probe probe, Settings s, int startRate, Platform.Deployment d, Path users, Path reportDir) {
    int[] stepNumber = {0};
    KneeSearch.Knee knee =
        new KneeSearch(startRate, s.maxRate(), 0.1)
            .search(
                (rate, confirmation) -> {
                  CapacityResult.StepFigures f =
                      measureStep(
                          probe, s, d, users, reportDir, rate, confirmation, stepNumber[0]++, 0);
                  return new KneeSearch.Step(rate, f.passed(), confirmation, f.why(), f);
                });
    progress.accept(
        "  %s knee: %d/s%s"
            .formatted(
                probe.target(),
                knee.knee(),
                knee.confirmed() ? " (confirmed)" : " (not confirmed)"));
    List<CapacityResult.StepFigures> steps =
        knee.steps().stream().map(st -> (CapacityResult.StepFigures) st.figures()).toList();
    return new CapacityResult(d.variant(), probe.target(), probe.slo(), knee, steps);
  }

  /**
   * One stepped-load measurement: 2 s lead-in, then {@code stepSeconds} measured, judged against
   * the SLO (p99), errors and dropped arrivals (at most 1 % each).
   */
  private CapacityResult.StepFigures measureStep(
      Probe probe,
      Settings s,
      Platform.Deployment d,
      Path users,
      Path reportDir,
      int rate,
      boolean confirmation,
      int stepNumber,
      double multiple) {
    Scenario scenario = probe.scenario();
    String target = probe.target();
    double slo = probe.slo();
    String metric = scenario == Scenario.LOGIN ? "login" : "order";
    int leadIn = 2;
    try {
      Path dir =
          Files.createDirectories(
              fresh(
                  reportDir
                      .resolve("runs")
                      .resolve(d.variant() + "-" + scenario.id() + "-" + rate + "-" + stepNumber)));
      Measurement.Window w =
          measure(
              d,
              () ->
                  step(
                      scenario,
                      d,
                      users,
                      s.users(),
                      rate,
                      leadIn,
                      s.stepSeconds(),
                      dir,
                      probe.soldOutDeal()));
      LoadResult r = w.load();
      double p99 = r.trend(metric + "_duration{stage:measured}", "p(99)");
      double p50 = r.trend(metric + "_duration{stage:measured}", "p(50)");
      double errors = r.rate(metric + "_errors{stage:measured}");
      double iterations = r.count("iterations{scenario:measured}");
      double dropped = r.count("late_arrivals{scenario:measured}");
      double droppedFraction = dropped / Math.max(1, (double) rate * s.stepSeconds());
      List<String> why = new ArrayList<>();
      if (!(p99 <= slo)) why.add("p99 %.0f ms > %.0f ms".formatted(p99, slo));
      if (errors > 0.01) why.add("errors %.1f %%".formatted(errors * 100));
      if (droppedFraction > 0.01)
        why.add("generator late %.1f %%".formatted(droppedFraction * 100));
      boolean passed = why.isEmpty();
      double ok = iterations * (1 - errors);
      Map<String, Double> cpu =
          MetricsSource.cpuPerThousand(w.processes(), r.generatorCpuSeconds(), ok);
      // The measured stage's arrivals follow every arrival the lead-in could start (capacity.js).
      long measuredFrom = (long) rate * (leadIn + 1);
      Map<String, Long> answers = new java.util.TreeMap<>();
      r.arrivals().stream()
          .filter(a -> a.index() >= measuredFrom)
          .forEach(a -> answers.merge(a.outcome(), 1L, Long::sum));
      CapacityResult.StepFigures f =
          new CapacityResult.StepFigures(
              rate,
              passed,
              confirmation,
              String.join(", ", why),
              p50,
              p99,
              errors,
              droppedFraction,
              iterations / s.stepSeconds(),
              cpu,
              w.machine(),
              answers,
              multiple);
      progress.accept(
          "  %s %d/s%s: %s — p99 %.1f ms, errors %.2f %%, dropped %.2f %%, answers %s%s"
              .formatted(
                  target,
                  rate,
                  multiple > 0 ? " (%.1fx the knee)".formatted(multiple) : "",
                  passed ? "meets the SLO" : "fails (" + f.why() + ")",
                  p99,
                  errors * 100,
                  droppedFraction * 100,
                  answers,
                  w.machine().disturbed() ? " — DISTURBED" : ""));
      return f;
    } catch (java.io.IOException e) {
      throw new HarnessException(e.getMessage(), e);
    }
  }

  /**
   * {@code dir}, or the first of {@code dir-2}, {@code dir-3}, ... not taken yet: a variant listed
   * twice (two searches of it, for their spread) must not read the first search's arrival lines.
   */
  private static Path fresh(Path dir) {
    Path candidate = dir;
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = dir.resolveSibling(dir.getFileName() + "-" + n);
    }
    return candidate;
  }

  private PgBench pgbench(Platform.Deployment d) {
    // The contract allows a deal of at most 1,000,000 units: pgbench at ~1,000 tps for 15 s is far
    // from selling it out.
    Deals.Deal deal = new Deals(d).open(1_000_000, 1);
    int clients = 10; // the services' Hikari pool size: the most the order path can have in flight
    progress.accept("pgbench: reserve + order insert, " + clients + " clients each, 15 s");
    PgBench pg = PgBench.run(repo, d, deal.id(), deal.productId(), clients, 15);
    progress.accept(
        "pgbench: reserve %.0f tps, order insert %.0f tps"
            .formatted(pg.reserveTps(), pg.insertTps()));
    return pg;
  }

  private Measurement.Window measure(
      Platform.Deployment d, java.util.function.Supplier<LoadResult> run) {
    return measurement.measure(d, run);
  }
}
