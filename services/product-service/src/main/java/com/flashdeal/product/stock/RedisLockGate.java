package com.flashdeal.product.stock;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.product.deal.DealRecord;
import com.flashdeal.product.redis.RedisCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * {@code redis-lock}: one lock per deal in Redis ({@code SET key token NX PX lease}, released by a
 * compare-and-delete script), held around the reservation's db-atomic transaction, so that the
 * buyers of a hot deal wait in Redis (bounded, with jitter) instead of queueing on its row lock
 * with a pooled connection each.
 *
 * <p>The lock is an optimisation, not what makes the sale correct. It has no fencing token: a
 * holder that stalls past the lease (a GC pause, a slow disk) loses the lock without knowing, and a
 * second holder enters while the first is still in its section. Both then run db-atomic's {@code
 * UPDATE ... WHERE remaining >= :quantity}: PostgreSQL's row lock serialises the two statements and
 * the predicate lets only as many units go as remain, so two holders at once can cost a wait, never
 * a unit (Kleppmann, "How to do distributed locking", 2016: the guard must be in the storage). A
 * lost lock is counted ({@code flashdeal.stock.redis.lock.lost}); {@code RedisLockIT} forces one.
 */
final class RedisLockGate implements StockGate {
  private static final Logger log = LoggerFactory.getLogger(RedisLockGate.class);

  private final UnifiedJedis redis;
  private final RedisCalls calls;
  private final Duration lease;
  private final Duration wait;
  private final Counter lost;
  private final LuaScript unlock = LuaScript.load("unlock");

  RedisLockGate(UnifiedJedis redis, Duration lease, Duration wait, MeterRegistry meters) {
    this.redis = redis;
    this.calls = new RedisCalls(meters);
    this.lease = lease;
    this.wait = wait;
    this.lost = meters.counter("flashdeal.stock.redis.lock.lost");
  }

  @Override
  public boolean gated() {
    return false;
  }

  @Override
  public Verdict admit(DealRecord deal, UUID orderId, UUID userId, int quantity, Instant now) {
    return Verdict.PASS;
  }

  @Override
  public void giveBack(long dealId, UUID orderId) {}

  @Override
  public <T> T around(long dealId, Supplier<T> transaction) {
    String key = "fd:{d:" + dealId + "}:lock";
    String token = UUID.randomUUID().toString();
    SetParams acquire = SetParams.setParams().nx().px(lease.toMillis());
    long giveUp = System.nanoTime() + wait.toNanos();
    while (!"OK".equals(calls.forRequest("lock", () -> redis.set(key, token, acquire)))) {
      if (System.nanoTime() > giveUp) {
        throw RedisCalls.serviceUnavailable(
            ErrorCode.OVERLOADED,
            "Deal " + dealId + " is busy; nothing was reserved, retry shortly.",
            null);
      }
      RedisCalls.pause(1, 5);
    }
    try {
      return transaction.get();
    } finally {
      release(key, token, dealId);
    }
  }

  private void release(String key, String token, long dealId) {
    try {
      Object deleted = calls.timed(() -> unlock.run(redis, List.of(key), List.of(token)));
      if (Long.valueOf(0).equals(deleted)) {
        lost.increment();
        log.warn(
            "the lock of deal {} ran out (lease {}) before its section ended: another buyer may"
                + " have entered; db-atomic's predicate kept the stock exact",
            dealId,
            lease);
      }
    } catch (JedisException e) {
      // The lease ends by itself.
      calls.failed("unlock", e);
    }
  }
}
