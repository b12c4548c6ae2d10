package com.flashdeal.gateway.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The same buckets as {@code redis/token-buckets.lua}, in this gateway's memory: what decides while
 * Redis is away. Limits then hold per gateway instance (N instances let N times the global rate
 * through) — looser, but login stays throttled and nothing fails open.
 */
final class LocalTokenBuckets {
  /** Past this many buckets the map is emptied (full buckets are the same as no bucket). */
  private static final int MAX_BUCKETS = 100_000;

  private final Map<String, double[]> buckets = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  LocalTokenBuckets(LongSupplier clockMillis) {
    this.clock = clockMillis;
  }

  synchronized Decision take(List<Bucket> wanted) {
    if (buckets.size() > MAX_BUCKETS) {
      buckets.clear();
    }
    long now = clock.getAsLong();
    double[] tokens = new double[wanted.size()];
    boolean allowed = true;
    long wait = 0;
    int tightest = 0;
    for (int i = 0; i < wanted.size(); i++) {
      RateLimitProperties.Limit limit = wanted.get(i).limit();
      double[] state = buckets.get(wanted.get(i).key());
      double t =
          state == null
              ? limit.burst()
              : Math.min(
                  limit.burst(), state[0] + Math.max(0, now - state[1]) * limit.rate() / 1000);
      tokens[i] = t;
      if (t < 1) {
        allowed = false;
        wait = Math.max(wait, (long) Math.ceil((1 - t) * 1000 / limit.rate()));
      }
      if (t < tokens[tightest]) {
        tightest = i;
      }
    }
    for (int i = 0; i < wanted.size(); i++) {
      if (allowed) {
        tokens[i] -= 1;
      }
      buckets.put(wanted.get(i).key(), new double[] {tokens[i], now});
    }
    return new Decision(
        allowed, wanted.get(tightest), (long) Math.floor(tokens[tightest]), wait, true);
  }
}
