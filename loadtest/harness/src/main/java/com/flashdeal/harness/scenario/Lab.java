package com.flashdeal.harness.scenario;

import com.flashdeal.harness.load.LoadGenerator;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.seed.UserPool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a scenario runs with: where the variants run, how they are measured and loaded, the seeded
 * users, and the bench's common settings.
 *
 * @param variants in order (the first is every comparison's baseline)
 * @param rounds rounds that interleave the variants
 * @param users the users file the generator reads (already seeded, tokens valid)
 * @param options the scenario's own options ({@code --cost-rate 200} arrives as {@code
 *     cost.rate=200})
 * @param aborted where a scenario lists what it could not finish (the report shows it)
 */
public record Lab(
    List<String> variants,
    int rounds,
    int userCount,
    Platform platform,
    MetricsSource metrics,
    LoadGenerator load,
    Consumer<String> progress,
    UserPool pool,
    Path users,
    Path reportDir,
    Map<String, String> options,
    List<String> aborted) {

  public int option(String key, int fallback) {
    String v = options.get(key);
    return v == null ? fallback : Integer.parseInt(v);
  }

  public double option(String key, double fallback) {
    String v = options.get(key);
    return v == null ? fallback : Double.parseDouble(v);
  }

  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }
}
