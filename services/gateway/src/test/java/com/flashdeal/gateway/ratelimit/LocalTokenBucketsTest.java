package com.flashdeal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory buckets (Redis away): the same rules as the Lua script, on a fake clock. */
class LocalTokenBucketsTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final LocalTokenBuckets buckets = new LocalTokenBuckets(now::get);
  private final Bucket user = new Bucket("order-user", "u", new RateLimitProperties.Limit(2, 3));
  private final Bucket global =
      new Bucket("order-global", "g", new RateLimitProperties.Limit(1, 5));

  @Test
  void aBurstThenOnePerRefill() {
    for (int i = 0; i < 3; i++) {
      Decision d = buckets.take(List.of(user));
      assertThat(d.allowed()).isTrue();
      assertThat(d.remaining()).isEqualTo(2 - i);
      assertThat(d.degraded()).isTrue();
    }
    Decision refused = buckets.take(List.of(user));
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterMillis()).isEqualTo(500); // one token at 2/s
    now.addAndGet(500);
    assertThat(buckets.take(List.of(user)).allowed()).isTrue();
    assertThat(buckets.take(List.of(user)).allowed()).isFalse();
  }

  @Test
  void allOrNothingARefusalSpendsNoToken() {
    Bucket other = new Bucket("order-user", "u2", new RateLimitProperties.Limit(2, 3));
    for (int i = 0; i < 5; i++) {
      assertThat(buckets.take(List.of(i < 3 ? user : other, global)).allowed()).isTrue();
    }
    // The global bucket is empty: the user's bucket must keep its token.
    Decision refused = buckets.take(List.of(other, global));
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.tightest()).isEqualTo(global);
    now.addAndGet(1000);
    Decision next = buckets.take(List.of(other, global));
    assertThat(next.allowed()).isTrue();
    assertThat(next.tightest()).isEqualTo(global);
    // other: 1 left before the refusal, 1 s at 2/s refills it to its cap of 3; two taken since.
    assertThat(buckets.take(List.of(other)).remaining()).isEqualTo(1);
  }
}
