package com.flashdeal.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** reset → deploy → seed → k6 → collect → oracle → stop, for every variant and repeat. */
final class Bench {
  record Settings(
      List<String> variants,
      int repeat,
      int rate,
      int warmupSeconds,
      int durationSeconds,
      int stock,
      int perUserLimit) {
    /**
     * Every arrival needs its own user: the warm-up at half rate (one second of margin, as in
     * flash-sale.js) plus the measured stage, and a little more in case k6 starts an extra
     * iteration.
     */
    int users() {
      return Math.max(1, rate / 2) * (warmupSeconds + 1)
          + (int) Math.ceil(rate * durationSeconds * 1.05)
          + 5;
    }
  }

  private final Platform platform;
  private final MetricsSource metrics;
  private final LoadGenerator k6;
  private final Consumer<String> progress;

  Bench(Platform platform, MetricsSource metrics, LoadGenerator k6, Consumer<String> progress) {
    this.platform = platform;
    this.metrics = metrics;
    this.k6 = k6;
    this.progress = progress;
  }

  List<RunResult> run(Settings s, Path reportDir) throws Exception {
    List<RunResult> results = new ArrayList<>();
    int total = s.variants().size() * s.repeat();
    int n = 0;
    for (int r = 1; r <= s.repeat(); r++) {
      // Repeats interleave the variants, so slow drift of the machine does not favour one variant.
      for (String variant : s.variants()) {
        n++;
        String label = "[%d/%d] %s repeat %d".formatted(n, total, variant, r);
        Path dir = Files.createDirectories(reportDir.resolve("runs").resolve(variant + "-" + r));
        progress.accept(label + ": reset");
        platform.reset();
        long t0 = System.nanoTime();
        progress.accept(label + ": deploy");
        Platform.Deployment d = platform.deploy(variant);
        double startup = (System.nanoTime() - t0) / 1e9;
        try {
          progress.accept(label + ": seed (deal of " + s.stock() + ", " + s.users() + " users)");
          Seeder.Scene scene =
              new Seeder(d.gateway()).seed(d, s.stock(), s.perUserLimit(), s.users(), dir);
          progress.accept(
              label
                  + ": k6 "
                  + s.warmupSeconds()
                  + " s warm-up + "
                  + s.durationSeconds()
                  + " s at "
                  + s.rate()
                  + "/s");
          var run =
              java.util.concurrent.CompletableFuture.supplyAsync(
                  () ->
                      k6.run(
                          d.gateway(),
                          scene,
                          s.rate(),
                          s.warmupSeconds(),
                          s.durationSeconds(),
                          dir),
                  task -> Thread.ofVirtual().start(task));
          // The server-side window is the measured stage: capture once the warm-up is over.
          Thread.sleep(s.warmupSeconds() * 1000L);
          MetricsSource.Snapshot before = metrics.capture(d);
          K6Runner.Result client;
          try {
            client = run.join();
          } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
          }
          MetricsSource.Snapshot after = metrics.capture(d);
          var services = metrics.between(before, after);
          Oracle.Verdict verdict = new Oracle().check(d, scene, client);
          String status =
              !verdict.passed() ? "FAILED" : client.thresholdsPassed() ? "PASSED" : "INVALID";
          progress.accept(
              "%s: %s — %.1f req/s, goodput %.1f orders/s, p99 %.0f ms%s"
                  .formatted(
                      label,
                      status,
                      client.rps(),
                      client.goodput(),
                      client.p99Ms(),
                      verdict.passed() ? "" : " — " + String.join("; ", verdict.violations())));
          results.add(
              new RunResult(
                  variant,
                  r,
                  status,
                  verdict.violations(),
                  client,
                  services,
                  verdict.ledger(),
                  startup));
        } finally {
          progress.accept(label + ": stop");
          platform.stop();
        }
      }
    }
    return results;
  }
}
