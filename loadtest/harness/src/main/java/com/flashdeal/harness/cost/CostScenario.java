package com.flashdeal.harness.cost;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.Waiting;
import com.flashdeal.harness.load.LoadGenerator;
import com.flashdeal.harness.load.LoadRequest;
import com.flashdeal.harness.load.LoadResult;
import com.flashdeal.harness.metrics.MachineLoad;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.metrics.Procfs;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.seed.Deals;
import com.flashdeal.harness.seed.UserPool;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What each answer costs: per variant and round, on one deployment, every {@link Answer} in turn at
 * a fixed moderate rate, the generator running without pause while the harness cuts the load into
 * windows. Steady state is three consecutive windows whose system CPU per answer agree within
 * {@link Options#tolerance} (two agreeing windows were seen on a JIT plateau 40 % above the steady
 * cost); the windows after it are the samples, and a variant is ranked by them. The
 * time to steady state is reported per answer: a fixed warm-up would rank variants by how fast they
 * warm.
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
   * @param tolerance steady: two windows within this relative difference
   */
  public record Options(
      int rate,
      int orderRate,
      int loginRate,
      int windowSeconds,
      int maxWarmSeconds,
      int samples,
      double tolerance) {
    public static final Options DEFAULT = new Options(200, 100, 5, 10, 90, 3, 0.05);
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
          for (Answer a : Answer.values()) {
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
                tag, label, round, a, d, deals, soldOut, userCount, o, users, dir, samples, steady);
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
      List<CostResult.Steady> steady) {
    int rate =
        switch (a) {
          case CREATED -> o.orderRate();
          case LOGIN -> o.loginRate();
          default -> o.rate();
        };
    int maxWindows = Math.max(2, (int) Math.ceil((double) o.maxWarmSeconds() / o.windowSeconds()));
    int seconds = (maxWindows + o.samples() + 1) * o.windowSeconds();
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
        env.put("DEALS", repeat(Long.toString(soldOutDeal), deals(rate, seconds, userCount)));
      }
      case CREATED -> {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < deals(rate, seconds, userCount); i++) {
          ids.add(Long.toString(deals.open(userCount, 1).id()));
        }
        env.put("DEALS", String.join(",", ids));
      }
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
    LoadRequest request = new LoadRequest(a.load(), target, users, env, seconds);
    progress.accept(
        "%s: %s at %d/s, windows of %d s until steady (±%.0f %%, at most %d s), then %d samples"
            .formatted(
                tag,
                a.label(),
                rate,
                o.windowSeconds(),
                o.tolerance() * 100,
                o.maxWarmSeconds(),
                o.samples()));
    CompletableFuture<LoadResult> run = CompletableFuture.supplyAsync(() -> load.run(request, dir));
    request.firstArrival().join();
    long started = System.nanoTime();
    long generator = request.generatorPid().getNow(-1L);
    Edge prev = edge(d, generator);
    List<Double> totals = new ArrayList<>();
    int windows = 0;
    int kept = 0;
    boolean settled = false;
    double steadyAt = Double.NaN;
    while (!run.isDone() && kept < o.samples()) {
      Waiting.sleep(Duration.ofSeconds(o.windowSeconds()));
      if (run.isDone()) {
        break;
      }
      Edge cur = edge(d, generator);
      windows++;
      Map<String, MetricsSource.ServiceFigures> procs =
          metrics.between(prev.snapshot, cur.snapshot);
      MetricsSource.ServiceFigures served = procs.get(counter);
      long answers = served == null ? 0 : served.serverRequests();
      double generatorCpu = generator > 0 ? cur.generatorCpu - prev.generatorCpu : -1;
      Map<String, Double> ms = new LinkedHashMap<>();
      double total = 0;
      List<Double> ours = new ArrayList<>();
      for (var e : procs.entrySet()) {
        double cpu = e.getValue().cpuSeconds();
        ours.add(cpu);
        if (cpu >= 0 && answers > 0) {
          ms.put(e.getKey(), cpu * 1000 / answers);
          total += cpu;
        }
      }
      ours.add(generatorCpu);
      ours.add(cur.selfCpu - prev.selfCpu);
      MachineLoad machine = prev.mark.until(cur.mark, MachineLoad.sum(ours));
      double totalMs = answers > 0 ? total * 1000 / answers : Double.NaN;
      ms.put(CostResult.TOTAL, totalMs);
      if (generatorCpu >= 0 && answers > 0) {
        ms.put(CostResult.GENERATOR, generatorCpu * 1000 / answers);
      }
      double windowSeconds = (cur.nanos - prev.nanos) / 1e9;
      if (settled) {
        kept++;
        samples.add(
            new CostResult.Sample(
                label,
                round,
                a,
                kept,
                answers / windowSeconds,
                ms,
                generatorCpu >= 0 && answers > 0 ? generatorCpu * 1000 / answers : -1,
                machine.disturbed()));
      } else if (steady(totals, totalMs, o.tolerance()) && answers >= rate * windowSeconds * 0.9) {
        settled = true;
        steadyAt = (cur.nanos - started) / 1e9;
      } else if (windows >= maxWindows) {
        // Not steady within the bound: the next windows are kept anyway, and the report says so.
        settled = true;
        steadyAt = Double.NaN;
      }
      progress.accept(
          "  %s window %d: %.0f answers/s, system %.3f ms/answer%s%s%s"
              .formatted(
                  a.label(),
                  windows,
                  answers / windowSeconds,
                  totalMs,
                  ms.containsKey(CostResult.GENERATOR)
                      ? ", generator %.3f ms".formatted(ms.get(CostResult.GENERATOR))
                      : "",
                  settled && kept == 0
                      ? Double.isNaN(steadyAt)
                          ? " — not steady within the bound; sampling anyway"
                          : " — steady after %.0f s".formatted(steadyAt)
                      : kept > 0 ? " (sample " + kept + ")" : "",
                  machine.disturbed() ? " — DISTURBED" : ""));
      totals.add(totalMs);
      prev = cur;
    }
    request.stop().complete(null);
    run.join();
    steady.add(new CostResult.Steady(label, round, a, steadyAt, windows, !Double.isNaN(steadyAt)));
  }

  /** This window and the two before it agree within the tolerance (max / min - 1). */
  static boolean steady(List<Double> before, double current, double tolerance) {
    if (before.size() < 2 || !Double.isFinite(current)) {
      return false;
    }
    List<Double> last = new ArrayList<>(before.subList(before.size() - 2, before.size()));
    last.add(current);
    double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return min > 0 && max / min - 1 <= tolerance;
  }

  /** Arrivals per deal are the users: enough deals for every arrival the run can make. */
  private static int deals(int rate, int seconds, int userCount) {
    return (int) Math.ceil((double) rate * (seconds + 1) / userCount) + 1;
  }

  private static String repeat(String id, int n) {
    return String.join(",", java.util.Collections.nCopies(n, id));
  }

  private record Edge(
      MetricsSource.Snapshot snapshot,
      MachineLoad.Mark mark,
      double generatorCpu,
      double selfCpu,
      long nanos) {}

  /** The window's edge; its time is taken before the scrapes, which take a while themselves. */
  private Edge edge(Platform.Deployment d, long generator) {
    long nanos = System.nanoTime();
    MachineLoad.Mark mark = MachineLoad.mark();
    double generatorCpu = generator > 0 ? Procfs.cpuSeconds(generator) : -1;
    double self = Procfs.cpuSeconds(ProcessHandle.current().pid());
    return new Edge(metrics.capture(d), mark, generatorCpu, self, nanos);
  }
}
