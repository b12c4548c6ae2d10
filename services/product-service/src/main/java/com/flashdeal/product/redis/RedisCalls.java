package com.flashdeal.product.redis;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis round trips of product-service (the read cache and the stock strategies): each timed
 * ({@code flashdeal.redis.latency}), each failure counted by operation ({@code
 * flashdeal.redis.errors}), and on a reservation's path a failure is that request's 503 — nothing
 * was reserved.
 */
public final class RedisCalls {
  private static final Logger log = LoggerFactory.getLogger(RedisCalls.class);

  private final MeterRegistry meters;
  private final Timer latency;

  public RedisCalls(MeterRegistry meters) {
    this.meters = meters;
    this.latency =
        Timer.builder("flashdeal.redis.latency")
            .description("Round trips to Redis")
            .publishPercentileHistogram()
            .register(meters);
  }

  /** A call off the request path: the caller handles {@link JedisException}. */
  public <T> T timed(Supplier<T> call) {
    return latency.record(call);
  }

  /** {@link #timed} for a call without a result. */
  public void run(Runnable call) {
    latency.record(call);
  }

  /** A call on a reservation's path: a failure is answered 503 with Retry-After. */
  public <T> T forRequest(String op, Supplier<T> call) {
    try {
      return timed(call);
    } catch (JedisException e) {
      failed(op, e);
      if (e.getCause() instanceof NoSuchElementException) {
        // No pooled connection within the timeout: at capacity, not broken.
        throw serviceUnavailable(
            ErrorCode.OVERLOADED, "The service is at capacity and did nothing; retry shortly.", e);
      }
      throw serviceUnavailable(
          ErrorCode.UPSTREAM_UNAVAILABLE,
          "Redis is not reachable right now; nothing was reserved.",
          e);
    }
  }

  public void failed(String op, Exception e) {
    meters.counter("flashdeal.redis.errors", "op", op).increment();
    log.debug("redis {} failed: {}", op, e.toString());
  }

  public static ApiException serviceUnavailable(ErrorCode code, String detail, Exception cause) {
    ApiException e = new ApiException(HttpStatus.SERVICE_UNAVAILABLE.value(), code, detail);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** A short pause with jitter, so that waiters do not retry in step. */
  public static void pause(int minMillis, int maxMillis) {
    try {
      Thread.sleep(
          minMillis
              + java.util.concurrent.ThreadLocalRandom.current()
                  .nextInt(maxMillis - minMillis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw serviceUnavailable(
          ErrorCode.OVERLOADED, "Interrupted while waiting; nothing was reserved.", e);
    }
  }
}
