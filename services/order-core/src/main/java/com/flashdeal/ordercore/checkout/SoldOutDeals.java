package com.flashdeal.ordercore.checkout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deals the stock's owner last refused as SOLD_OUT, remembered for a short while, so that the
 * refusals that follow (nine answers in ten of a sale) are answered here: no write, no call to
 * product-service. It is a cache of product-service's answer, never a decision of its own.
 *
 * <ul>
 *   <li>Per deal it keeps the smallest quantity refused: SOLD_OUT means "not enough units left", so
 *       after a refusal of 2 units an order of 1 still goes through.
 *   <li>An entry lives {@code ttl} after the refusal that wrote it: a unit given back
 *       (compensation, the reaper, a sweep) is sold again at most {@code ttl} later, when the next
 *       order goes through to product-service and finds it.
 *   <li>A reservation that succeeds forgets the deal at once.
 *   <li>Bounded: the deals of a busy shop do not grow it without end (the least recently used go
 *       first; forgetting a deal only costs one call to product-service).
 * </ul>
 *
 * Correctness does not rest on it: the order path looks up the buyer's idempotency key and their
 * orders for the deal before it asks, so a retry of an order that exists gets that order, never
 * SOLD_OUT, whichever replica made it.
 */
public final class SoldOutDeals {
  private static final int MAX_DEALS = 10_000;

  private final Cache<Long, Integer> refused;
  private final Duration ttl;
  // Deals refused until released, whatever the ttl: the warm-up's deal, while the warm-up runs.
  private final Set<Long> held = ConcurrentHashMap.newKeySet();

  /**
   * @param ttl how long a refusal is kept; zero turns the cache off (every order asks)
   */
  public SoldOutDeals(Duration ttl, Ticker ticker) {
    this.ttl = ttl;
    this.refused =
        ttl.isZero() || ttl.isNegative()
            ? null
            : Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_DEALS)
                .ticker(ticker)
                .build();
  }

  public SoldOutDeals(Duration ttl) {
    this(ttl, Ticker.systemTicker());
  }

  /** Every order asks product-service. */
  public static SoldOutDeals off() {
    return new SoldOutDeals(Duration.ZERO);
  }

  public Duration ttl() {
    return ttl;
  }

  /** Whether refusals are remembered at all (a ttl above zero). */
  public boolean enabled() {
    return refused != null;
  }

  /** Whether product-service refused this many units of this deal (or fewer) within the ttl. */
  public boolean refuses(long dealId, int quantity) {
    if (refused == null) {
      return false;
    }
    if (held.contains(dealId)) {
      return true;
    }
    Integer smallest = refused.getIfPresent(dealId);
    return smallest != null && quantity >= smallest;
  }

  /** product-service answered SOLD_OUT for this many units. */
  public void soldOut(long dealId, int quantity) {
    if (refused != null) {
      refused.asMap().merge(dealId, quantity, Math::min);
    }
  }

  /**
   * Refuses this deal (every quantity) until {@link #release}, whatever the ttl; nothing when the
   * cache is off. For the warm-up's deal, which no buyer can order: its refusals must not depend on
   * how fast the warm-up's calls follow each other.
   */
  public void hold(long dealId) {
    if (refused != null) {
      held.add(dealId);
    }
  }

  public void release(long dealId) {
    held.remove(dealId);
  }

  /** A reservation of this deal succeeded: units are there. */
  public void available(long dealId) {
    if (refused != null) {
      refused.invalidate(dealId);
    }
  }
}
