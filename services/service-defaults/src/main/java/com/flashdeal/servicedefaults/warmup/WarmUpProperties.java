package com.flashdeal.servicedefaults.warmup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service warms up before it reports ready ({@code flashdeal.warm-up.*}, e.g. {@code
 * FLASHDEAL_WARM_UP_ENABLED=false}).
 *
 * @param enabled whether to warm up at all (the tests that start many services turn it off)
 * @param minCalls at least this many calls, however early the cost looks settled: the JIT compiles
 *     a method fully only after some thousands of invocations
 * @param maxDuration readiness is never held longer than this: a service whose cost does not settle
 *     (a noisy machine) still becomes ready, and says so in its log
 * @param batch calls per measurement: the CPU per call is read once per batch
 * @param tolerance settled when the last three batches each lie within this fraction of their mean
 * @param concurrency calls in flight at once
 */
@ConfigurationProperties("flashdeal.warm-up")
public record WarmUpProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5000") int minCalls,
    @DefaultValue("90s") Duration maxDuration,
    @DefaultValue("500") int batch,
    @DefaultValue("0.1") double jitShare,
    @DefaultValue("2") int concurrency) {

  public WarmUpProperties {
    if (minCalls < 0 || batch < 1 || concurrency < 1 || jitShare <= 0) {
      throw new IllegalArgumentException(
          "flashdeal.warm-up: min-calls >= 0, batch >= 1, concurrency >= 1 and jit-share > 0");
    }
  }
}
