package com.flashdeal.servicedefaults.warmup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service warms up before it reports ready ({@code flashdeal.warm-up.*}, e.g. {@code
 * FLASHDEAL_WARM_UP_ENABLED=false}).
 *
 * @param enabled whether to warm up at all (the tests that start many services turn it off)
 * @param minCalls at least this many calls, however early the JIT looks idle: it compiles a method
 *     fully only after some thousands of invocations
 * @param maxDuration readiness is never held longer than this: a service whose JIT is still busy (a
 *     noisy machine, several services warming on few cores) still becomes ready, and says so in its
 *     log
 * @param batch calls per measurement: the JIT's time and the CPU per call are read once per batch
 * @param jitShare settled when, over the last five batches, the JIT compiled for at most this
 *     fraction of their time
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
