package com.flashdeal.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Takes a token from each of a request's buckets in Redis, in one script call (atomic, one round
 * trip). When Redis errs or does not answer within the timeout, the gateway's own {@link
 * LocalTokenBuckets} decide instead and {@code flashdeal.ratelimit.degraded} counts it: a decided
 * behaviour, not the stock limiter's silent fail-open (which would open login to brute force while
 * Redis is down).
 */
public final class TokenBuckets {
  private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> SCRIPT =
      RedisScript.of(new ClassPathResource("redis/token-buckets.lua"), List.class);

  private final ReactiveStringRedisTemplate redis;
  private final LocalTokenBuckets local = new LocalTokenBuckets(System::currentTimeMillis);
  private final RateLimitProperties properties;
  private final Counter degraded;
  private final AtomicLong failures = new AtomicLong();

  public TokenBuckets(
      ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters) {
    this.redis = redis;
    this.properties = properties;
    this.degraded =
        Counter.builder("flashdeal.ratelimit.degraded")
            .description("Rate limit decisions taken without Redis (in the gateway's memory)")
            .register(meters);
  }

  public Mono<Decision> take(List<Bucket> buckets) {
    List<String> keys = buckets.stream().map(Bucket::key).toList();
    List<String> args = new ArrayList<>();
    for (Bucket b : buckets) {
      args.add(Double.toString(b.limit().rate()));
      args.add(Integer.toString(b.limit().burst()));
    }
    return redis
        .execute(SCRIPT, keys, args)
        .next()
        .timeout(properties.redisTimeout())
        .map(
            result -> {
              List<?> r = (List<?>) result;
              return new Decision(
                  ((Number) r.get(0)).longValue() == 1,
                  buckets.get((int) ((Number) r.get(1)).longValue() - 1),
                  ((Number) r.get(2)).longValue(),
                  ((Number) r.get(3)).longValue(),
                  false);
            })
        .onErrorResume(
            e -> {
              if (failures.getAndIncrement() % 100 == 0) {
                log.warn(
                    "rate limiting without Redis (in this gateway's memory): {}", e.toString());
              }
              degraded.increment();
              return Mono.fromSupplier(() -> local.take(buckets));
            });
  }
}
