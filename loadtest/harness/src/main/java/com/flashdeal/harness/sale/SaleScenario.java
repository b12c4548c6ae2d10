package com.flashdeal.harness.sale;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.Measurement;
import com.flashdeal.harness.Waiting;
import com.flashdeal.harness.async.AsyncFigures;
import com.flashdeal.harness.async.AsyncSampler;
import com.flashdeal.harness.fault.Fault;
import com.flashdeal.harness.fault.FaultRecord;
import com.flashdeal.harness.load.Arrival;
import com.flashdeal.harness.load.LoadRequest;
import com.flashdeal.harness.load.LoadResult;
import com.flashdeal.harness.load.SaleFigures;
import com.flashdeal.harness.load.Scenario;
import com.flashdeal.harness.oracle.Oracle;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.scenario.BenchScenario;
import com.flashdeal.harness.scenario.Lab;
import com.flashdeal.harness.scenario.Settings;
import com.flashdeal.harness.seed.Deals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The sale: per round and variant a fresh deployment (the cold sale, the deal opening at once), a
 * state reset and the warm-up to steady state on the same JVMs, and the warm sale; each judged by
 * the oracle. Rounds interleave the variants, so slow drift of the machine does not favour one of
 * them.
 *
 * <p>Options: {@code sale.cold} (also measure the sale right after the services start), {@code
 * sale.fault} (injected into every warm sale; the oracle judges after the target is back), {@code
 * sale.retry-seconds} (how long a buyer told to come back keeps asking with the same
 * Idempotency-Key).
 */
public final class SaleScenario implements BenchScenario {

  /**
   * Longest wait for units held without an order to come back (product-service's reaper: hold 5 s +
   * interval 1 s, plus margin); a run that passes or fails for good is judged at once.
   */
  private static final Duration SETTLE = Duration.ofSeconds(10);

  @Override
  public String id() {
    return "sale";
  }

  @Override
  public String summary() {
    return "sell-out, latency by outcome, fairness; cold and warm, judged by the oracle";
  }

  @Override
  public int usersNeeded(Settings s) {
    return s.users();
  }

  @Override
  public String describe(Settings s) {
    Fault fault = fault(s);
    return ("Sale: S = %d units, U = %d arrivals at R = %d/s, %d round(s) of %s; warm-up to steady"
            + " state (at most %d s) before each warm sale%s%s; figures are median [min–max] over"
            + " valid runs.")
        .formatted(
            s.stock(),
            s.users(),
            s.rate(),
            s.repeat(),
            String.join(", ", s.variants()),
            s.warmupSeconds(),
            s.flag("sale.cold", true) ? "" : "; no cold sale",
            fault == null ? "" : "; fault " + fault + " in every warm sale");
  }

  @Override
  public void validate(Settings s) {
    fault(s);
  }

  @Override
  public SaleReport run(Lab lab) {
    List<RunResult> results = new ArrayList<>();
    Settings s = lab.settings();
    int total = s.variants().size() * s.repeat();
    int n = 0;
    for (int round = 1; round <= s.repeat(); round++) {
      for (String variant : s.variants()) {
        n++;
        String label = "[%d/%d] %s round %d".formatted(n, total, variant, round);
        try {
          round(lab, results, variant, round, label);
        } catch (HarnessException e) {
          // A deployment that falls over (a crash, an OutOfMemoryError) ends this round of this
          // variant, not the bench: the next deploy starts fresh, and the report lists it.
          lab.abort(label, e);
        }
      }
    }
    lab.platform().stop();
    return new SaleReport(results, lab.aborted());
  }

  /**
   * The AOT training run's traffic, on a deployment the bench has seeded users on: the warm-up,
   * then one sale, neither measured (the sale's answers are what the caches should record).
   */
  public static void train(Lab lab, Platform.Deployment d) {
    String label = "AOT training " + d.variant();
    lab.platform().resetState(d);
    lab.warmUp(
        Math.max(10, lab.settings().warmupSeconds() * 2),
        d,
        lab.dir(d.variant(), 0, "warmup"),
        label);
    lab.platform().resetState(d);
    new SaleScenario().sale(lab, d, lab.dir(d.variant(), 0, "sale"), label, 0, "training", 0);
  }

  private static Fault fault(Settings s) {
    String f = s.option("sale.fault", "");
    return f.isBlank() ? null : Fault.parse(f);
  }

  private void round(Lab lab, List<RunResult> results, String variant, int round, String label) {
    Settings s = lab.settings();
    Platform platform = lab.platform();
    lab.progress().accept(label + ": deploy");
    long t0 = System.nanoTime();
    Platform.Deployment d = platform.deploy(variant);
    double startup = (System.nanoTime() - t0) / 1e9;
    lab.pool().renew(d.gateway(), Duration.ofMinutes(3), lab.users());
    platform.resetState(d);
    if (s.flag("sale.cold", true)) {
      results.add(
          sale(
              lab,
              d,
              lab.dir(variant, round, RunResult.COLD),
              label + " cold",
              round,
              RunResult.COLD,
              startup));
      platform.resetState(d);
    }
    lab.warmUp(s.warmupSeconds(), d, lab.dir(variant, round, "warmup"), label);
    platform.resetState(d);
    results.add(
        sale(
            lab,
            d,
            lab.dir(variant, round, RunResult.WARM),
            label + " warm",
            round,
            RunResult.WARM,
            startup));
  }

  private RunResult sale(
      Lab lab,
      Platform.Deployment d,
      Path dir,
      String label,
      int round,
      String phase,
      double startup) {
    Settings s = lab.settings();
    var progress = lab.progress();
    Deals.Deal deal = new Deals(d).open(s.stock(), s.perUserLimit());
    int seconds = (int) Math.ceil((double) s.users() / s.rate());
    Map<String, String> env = new HashMap<>();
    env.put("DEAL_ID", Long.toString(deal.id()));
    env.put("RATE", Integer.toString(s.rate()));
    env.put("ARRIVALS", Integer.toString(s.users()));
    env.put("RUN_ID", Long.toString(System.currentTimeMillis(), 36));
    env.put("RETRY_SECONDS", Integer.toString(s.option("sale.retry-seconds", 10)));
    env.put("REQUEST_TIMEOUT_SECONDS", Integer.toString(Lab.REQUEST_TIMEOUT_SECONDS));
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
    Fault fault = phase.equals(RunResult.WARM) ? fault(s) : null;
    LoadRequest request = new LoadRequest(Scenario.SALE, d.gateway(), lab.users(), env, seconds);
    CompletableFuture<FaultRecord> struck =
        fault == null ? null : strike(lab, d, fault, label, request.firstArrival());
    AsyncSampler sampler =
        lab.platform().brokerUrl(d).map(url -> AsyncSampler.start(d, url)).orElse(null);
    Measurement.Window w = lab.measure(d, () -> lab.load().run(request, dir));
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
  private static CompletableFuture<FaultRecord> strike(
      Lab lab,
      Platform.Deployment d,
      Fault fault,
      String label,
      CompletableFuture<Long> firstArrival) {
    var done = new CompletableFuture<FaultRecord>();
    Thread.ofVirtual()
        .name("fault")
        .start(
            () -> {
              firstArrival.join();
              Waiting.sleep(fault.after());
              long at = System.currentTimeMillis();
              lab.progress().accept(label + ": fault " + fault);
              try {
                lab.platform().inject(d, fault);
                done.complete(
                    new FaultRecord(fault.toString(), at, System.currentTimeMillis(), ""));
              } catch (RuntimeException e) {
                done.complete(new FaultRecord(fault.toString(), at, 0, e.getMessage()));
              }
            });
    return done;
  }
}
