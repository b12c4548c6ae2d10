package com.flashdeal.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real k6 binary on the flash-sale scenario and reads the summary document it writes. */
final class K6Runner implements LoadGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path k6;
  private final Path script;

  K6Runner(Path k6, Path script) {
    this.k6 = k6;
    this.script = script;
  }

  /** What k6 measured in the measured stage, plus whether its thresholds held. */
  record Result(
      boolean thresholdsPassed,
      double rps,
      double goodput,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double p999Ms,
      double orderP99Ms,
      double errorRate,
      long dropped,
      long ordersCreatedTotal,
      long soldOutAnswers,
      String k6Version) {}

  @Override
  public Result run(
      java.net.URI gateway,
      Seeder.Scene scene,
      int rate,
      int warmupSeconds,
      int durationSeconds,
      Path dir) {
    Path summary = dir.resolve("k6-summary.json");
    Path log = dir.resolve("k6.log");
    List<String> command =
        new ArrayList<>(List.of(k6.toString(), "run", "--quiet", "--no-color", script.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment()
        .putAll(
            Map.of(
                "BASE_URL", gateway.toString(),
                "DEAL_ID", Long.toString(scene.dealId()),
                "USERS_FILE", scene.usersFile().toAbsolutePath().toString(),
                "RATE", Integer.toString(rate),
                "WARMUP_SECONDS", Integer.toString(warmupSeconds),
                "DURATION_SECONDS", Integer.toString(durationSeconds),
                "SUMMARY_PATH", summary.toAbsolutePath().toString(),
                "K6_NO_USAGE_REPORT", "true"));
    int exit;
    try {
      Process p = pb.start();
      if (!p.waitFor(warmupSeconds + durationSeconds + 180L, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new HarnessException("k6 did not finish; see " + log);
      }
      exit = p.exitValue();
    } catch (IOException e) {
      throw new HarnessException("cannot run k6 at " + k6 + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
    // 99 = thresholds crossed (an invalid run, reported as such); anything else non-zero is k6
    // failing to run at all.
    if (exit != 0 && exit != 99) {
      throw new HarnessException("k6 failed with exit " + exit + "; see " + log);
    }
    try {
      return parse(JSON.readTree(summary.toFile()), exit == 0, durationSeconds, version());
    } catch (IOException e) {
      throw new HarnessException("k6 wrote no readable summary at " + summary + "; see " + log, e);
    }
  }

  /**
   * Reads k6's summary document (handleSummary's data), wherever it came from.
   *
   * @param thresholdsPassed k6 exited 0 (99 means a validity threshold was crossed)
   */
  static Result parse(
      JsonNode summary, boolean thresholdsPassed, int durationSeconds, String k6Version) {
    JsonNode m = summary.path("metrics");
    if (m.isMissingNode() || !m.isObject()) {
      throw new HarnessException("k6 summary has no metrics");
    }
    double duration = durationSeconds;
    return new Result(
        thresholdsPassed,
        count(m, "http_reqs{stage:measured}") / duration,
        count(m, "orders_created{stage:measured}") / duration,
        trend(m, "http_req_duration{stage:measured}", "p(50)"),
        trend(m, "http_req_duration{stage:measured}", "p(95)"),
        trend(m, "http_req_duration{stage:measured}", "p(99)"),
        trend(m, "http_req_duration{stage:measured}", "p(99.9)"),
        trend(m, "order_duration{stage:measured}", "p(99)"),
        m.path("journey_errors{stage:measured}").path("values").path("rate").asDouble(0),
        (long) count(m, "dropped_iterations{scenario:measured}"),
        (long) count(m, "orders_created"),
        (long) count(m, "orders_sold_out"),
        k6Version);
  }

  @Override
  public String version() {
    try {
      Process p = new ProcessBuilder(k6.toString(), "version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return out;
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static double count(JsonNode metrics, String name) {
    return metrics.path(name).path("values").path("count").asDouble(0);
  }

  private static double trend(JsonNode metrics, String name, String stat) {
    JsonNode v = metrics.path(name).path("values").path(stat);
    return v.isMissingNode() ? Double.NaN : v.asDouble();
  }

  static Path script(Path repo) {
    Path s = repo.resolve("loadtest/k6/flash-sale.js");
    if (!Files.isRegularFile(s)) {
      throw new HarnessException("no k6 scenario at " + s);
    }
    return s;
  }
}
