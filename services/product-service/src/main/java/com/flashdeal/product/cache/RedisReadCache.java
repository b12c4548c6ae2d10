package com.flashdeal.product.cache;

import com.flashdeal.product.redis.RedisCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link ReadCache} in Redis, values as JSON. Every Redis call is timed and every failure counted
 * by operation ({@link RedisCalls}), every read counted by result ({@code flashdeal.cache.reads}:
 * hit, miss, error). A Redis failure is never the caller's: the value is loaded from the database.
 * A failed eviction leaves the old value until its time to live ends, which is what bounds
 * staleness in every case.
 */
public final class RedisReadCache implements ReadCache {
  private static final Logger log = LoggerFactory.getLogger(RedisReadCache.class);
  private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

  private final UnifiedJedis redis;
  private final ObjectMapper json;
  private final Counter hits;
  private final Counter misses;
  private final Counter readErrors;
  private final RedisCalls calls;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

  public RedisReadCache(UnifiedJedis redis, ObjectMapper json, MeterRegistry meters) {
    this.redis = redis;
    this.json = json;
    this.hits = meters.counter("flashdeal.cache.reads", "result", "hit");
    this.misses = meters.counter("flashdeal.cache.reads", "result", "miss");
    this.readErrors = meters.counter("flashdeal.cache.reads", "result", "error");
    this.calls = new RedisCalls(meters);
  }

  @Override
  public <T> T get(String key, Duration ttl, Class<T> type, Supplier<T> load) {
    return get(key, null, ttl, type, load);
  }

  @Override
  public <T> T get(String key, String group, Duration ttl, Class<T> type, Supplier<T> load) {
    String cached;
    try {
      cached = calls.timed(() -> redis.get(key));
    } catch (Exception e) {
      failed("read", e);
      return load.get();
    }
    if (cached != null) {
      hits.increment();
      return json.readValue(cached, type);
    }
    misses.increment();
    T value = load.get();
    if (value != null) {
      try {
        String text = json.writeValueAsString(value);
        calls.run(
            () -> {
              redis.set(key, text, SetParams.setParams().px(ttl.toMillis()));
              if (group != null) {
                redis.sadd(group, key);
              }
            });
      } catch (JedisException e) {
        failed("write", e);
      }
    }
    return value;
  }

  @Override
  public void evict(String key) {
    try {
      calls.run(() -> redis.del(key));
    } catch (JedisException e) {
      failed("evict", e);
    }
  }

  @Override
  public void evictGroup(String group) {
    try {
      calls.run(
          () -> {
            Set<String> keys = redis.smembers(group);
            if (!keys.isEmpty()) {
              redis.del(keys.toArray(String[]::new));
            }
            redis.del(group);
          });
    } catch (JedisException e) {
      failed("evict", e);
    }
  }

  private void failed(String what, Exception e) {
    if (what.equals("read")) {
      readErrors.increment();
    }
    calls.failed(what, e);
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      log.warn("cache {} failed, reading from the database: {}", what, e.toString());
    }
  }
}
