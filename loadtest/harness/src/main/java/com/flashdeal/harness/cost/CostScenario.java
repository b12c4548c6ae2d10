package com.flashdeal.harness.cost;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.SteadyRun;
import com.flashdeal.harness.load.LoadGenerator;
import com.flashdeal.harness.load.LoadRequest;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.seed.Deals;
import com.flashdeal.harness.seed.UserPool;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What each answer costs: per variant and round, on one deployment, every {@link Answer} in turn at
 * a fixed moderate rate, the generator running without pause while the harness cuts the load into
 * windows. Steady state is three consecutive windows whose system CPU per answer agree within
 * {@link Options#tolerance} and with the three before them ({@link SteadyRun}: a JIT plateau holds
 * three windows together above the steady cost); the windows after it are the samples, and a
 * variant is ranked by them. The time to steady state is reported per answer: a fixed warm-up would
 * rank variants by how fast they warm.
 *
 * <p>Answers are counted where they are served (the gateway's request count, auth-service's for the
 * direct floor); CPU is every process's own, read from /proc at the window's edges.
 */
public final class CostScenario {

  /**
   * @param rate reads, refusals and the floor per second
   * @param orderRate 201s per second (below every variant's knee)
   * @param loginRate logins per second (Argon2id: about 0.1 s of a core each)
   * @param windowSeconds one window
   * @param maxWarmSeconds the bound on reaching steady state, per answer
   * @param samples steady windows kept per answer and round
   * @param tolerance steady: three windows within this relative difference, and their mean against
   *     the three before
   * @param answers the answers to measure, in this order
   */
  public record Options(
      int rate,
      int orderRate,
      int loginRate,
      int windowSeconds,
      int maxWarmSeconds,
      int samples,
      double tolerance,
      List<Answer> answers) {
    public static final Options DEFAULT =
        new Options(200, 100, 5, 10, 240, 3, 0.05, List.of(Answer.values()));

    /**
     * From the bench's option map ({@code cost.rate}, ..., {@code cost.answers}); defaults else.
     */
    public static Options from(com.flashdeal.harness.scenario.Lab lab) {
      String answers = lab.option("cost.answers", "");
      return new Options(
          lab.option("cost.rate", DEFAULT.rate()),
          lab.option("cost.order-rate", DEFAULT.orderRate()),
          lab.option("cost.login-rate", DEFAULT.loginRate()),
          lab.option("cost.window", DEFAULT.windowSeconds()),
          lab.option("cost.max-warm", DEFAULT.maxWarmSeconds()),
          lab.option("cost.samples", DEFAULT.samples()),
          lab.option("cost.tolerance", DEFAULT.tolerance() * 100) / 100,
          answers.isBlank()
              ? DEFAULT.answers()
              : java.util.Arrays.stream(answers.split(",")).map(Answer::of).toList());
    }
  }

  /** The scenario as the bench's plug-in. */
  public static final class Plugin implements com.flashdeal.harness.scenario.BenchScenario {
    @Override
    public String id() {
      return "cost";
    }

    @Override
    public String summary() {
      return "CPU ms per answer of every process (deal read, SOLD_OUT, 201, login, the floor) at"
          + " steady state, verdicts against the first variant";
    }

    @Override
    public CostResult run(com.flashdeal.harness.scenario.Lab lab) {
      return new CostScenario(lab.platform(), lab.metrics(), lab.load(), lab.progress())
          .run(
              lab.variants(),
              lab.rounds(),
              lab.userCount(),
              Options.from(lab),
              lab.pool(),
              lab.users(),
              lab.reportDir(),
              lab.aborted());
    }
  }

  private final Platform platform;
  private final MetricsSource metrics;
  private final LoadGenerator load;
  private final Consumer<String> progress;

  public CostScenario(
      Platform platform, MetricsSource metrics, LoadGenerator load, Consumer<String> progress) {
    this.platform = platform;
    this.metrics = metrics;
    this.load = load;
    this.progress = progress;
  }

  /**
   * @param variants in order; a variant listed twice is measured twice (an A/A comparison: its
   *     second occurrence is reported as {@code <variant> (A/A)})
   */
  public CostResult run(
      List<String> variants,
      int rounds,
      int userCount,
      Options o,
      UserPool pool,
      Path users,
      Path reportDir,
      List<String> aborted) {
    List<CostResult.Sample> samples = new ArrayList<>();
    List<CostResult.Steady> steady = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      Map<String, Integer> seen = new HashMap<>();
      for (String variant : variants) {
        int k = seen.merge(variant, 1, Integer::sum);
        String label = k == 1 ? variant : variant + " (A/A" + (k > 2 ? " " + k : "") + ")";
        String tag = "[cost round %d/%d] %s".formatted(round, rounds, label);
        try {
          progress.accept(tag + ": deploy");
          Platform.Deployment d = platform.deploy(variant);
          pool.renew(d.gateway(), Duration.ofMinutes(10), users);
          platform.resetState(d);
          Deals deals = new Deals(d);
          long soldOut = deals.sellOut(deals.open(1, 1));
          for (Answer a : o.answers()) {
            Path dir =
                Files.createDirectories(
                    reportDir
                        .resolve("runs")
                        .resolve(
                            "%s-%d-cost-%s"
                                .formatted(
                                    label.replaceAll("[^A-Za-z0-9.-]+", "_"),
                                    round,
                                    a.name().toLowerCase(java.util.Locale.ROOT))));
            measureAnswer(
                tag, label, round, a, d, deals, soldOut, userCount, o, users, dir, samples, steady,
                aborted);
          }
        } catch (HarnessException | java.io.IOException e) {
          progress.accept(tag + ": ABORTED — " + e.getMessage());
          aborted.add(tag + ": " + e.getMessage());
        } finally {
          platform.stop();
        }
      }
    }
    return new CostResult(samples, steady);
  }

  private void measureAnswer(
      String tag,
      String label,
      int round,
      Answer a,
      Platform.Deployment d,
      Deals deals,
      long soldOutDeal,
      int userCount,
      Options o,
      Path users,
      Path dir,
      List<CostResult.Sample> samples,
      List<CostResult.Steady> steady,
      List<String> aborted) {
    int rate =
        switch (a) {
          case CREATED -> o.orderRate();
          case LOGIN -> o.loginRate();
          default -> o.rate();
        };
    int seconds =
        new SteadyRun.Plan(rate, o.windowSeconds(), o.maxWarmSeconds(), o.samples(), 0, "")
            .runSeconds();
    Map<String, String> env = new HashMap<>();
    env.put("RATE", Integer.toString(rate));
    env.put("LEAD_IN_SECONDS", "0");
    env.put("DURATION_SECONDS", Integer.toString(seconds));
    env.put("RUN_ID", Long.toString(System.nanoTime(), 36));
    env.put("REQUEST_TIMEOUT_SECONDS", "10");
    env.put("GATLING_REPORT", "off");
    URI target = d.gateway();
    switch (a) {
      case DEAL_READ -> env.put("READ_PATH", "/deals/" + soldOutDeal);
      case SOLD_OUT -> {
        env.put("EXPECT", "sold_out");
        env.put("DEALS", deals.forArrivals((long) rate * (seconds + 1), userCount, soldOutDeal));
      }
      case CREATED ->
          env.put("DEALS", deals.forArrivals((long) rate * (seconds + 1), userCount, 0));
      case LOGIN -> {}
      case FLOOR_GATEWAY -> {
        env.put("READ_PATH", Answer.FLOOR_PATH);
        env.put("AUTH", "none");
      }
      case FLOOR_DIRECT -> {
        env.put("READ_PATH", Answer.FLOOR_PATH);
        env.put("AUTH", "none");
        target = d.services().get("auth-service");
      }
    }
    String counter = a.throughGateway() ? "gateway" : "auth-service";
    SteadyRun.Plan plan =
        new SteadyRun.Plan(
            rate, o.windowSeconds(), o.maxWarmSeconds(), o.samples(), o.tolerance(), counter);
    LoadRequest request = new LoadRequest(a.load(), target, users, env, plan.runSeconds());
    progress.accept(
        ("%s: %s at %d/s, windows of %d s until steady (two blocks of three within ±%.0f %%,"
                + " at most %d s), then %d samples")
            .formatted(
                tag,
                a.label(),
                rate,
                o.windowSeconds(),
                o.tolerance() * 100,
                o.maxWarmSeconds(),
                o.samples()));
    SteadyRun.Result r =
        new SteadyRun(metrics, load)
            .run(d, request, dir, plan, SteadyRun.logging(a.label(), progress));
    // Windows of answers that were not the expected one (a service down, 503s) measure something
    // else: cheaper, and wrong. The generator's error rate over the run decides.
    double errors = r.load().rate(a.metric() + "_errors{stage:measured}");
    steady.add(
        new CostResult.Steady(
            label, round, a, r.steadyAfterSeconds(), r.windows(), r.settled(), errors));
    if (errors > MAX_ERROR_RATE) {
      String why =
          "%s: %s — %.1f %% of the answers were not the expected one; its windows are not counted"
              .formatted(tag, a.label(), errors * 100);
      progress.accept(why);
      aborted.add(why);
      return;
    }
    for (SteadyRun.Window w : r.samples()) {
      samples.add(
          new CostResult.Sample(
              label,
              round,
              a,
              samples.size() + 1,
              w.rate(),
              w.msPerAnswer(),
              w.msPerAnswer().getOrDefault(SteadyRun.GENERATOR, -1.0),
              w.machine().disturbed()));
    }
  }

  /** More answers than this that were not the expected one void an answer's windows. */
  static final double MAX_ERROR_RATE = 0.01;
}
