package com.flashdeal.product.stock;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.product.deal.DealRecord;
import com.flashdeal.product.redis.RedisCalls;
import com.flashdeal.product.sql.StockSql;
import com.flashdeal.servicecore.problem.ApiException;
import com.flashdeal.servicecore.sql.SqlArrays;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * {@code redis-lua}: a deal's stock, per-user counts and admitted order ids live in Redis, and one
 * script ({@code redis/stock-take.lua}) admits or refuses a reservation atomically. The design and
 * the argument why no unit is lost are in {@code docs/phase3-redis-design.md}; in short:
 *
 * <ul>
 *   <li>PostgreSQL stays the truth: an admitted reservation still runs db-atomic's transaction, and
 *       whatever the database does not create is given back here, exactly once per order id.
 *   <li>No state in Redis (first use, a flush, a restart): one instance rebuilds it from one
 *       PostgreSQL snapshot under a {@code SET NX} guard; the others wait for it.
 *   <li>What Redis admitted but the database never recorded (the process died in between) or later
 *       released stays in a pending set; {@link #sweep} gives it back after the hold.
 *   <li>Redis unreachable: 503 {@code UPSTREAM_UNAVAILABLE} + Retry-After, nothing taken anywhere.
 *       One source of admission only: falling back to the database would leave Redis behind it.
 * </ul>
 */
final class RedisStockGate implements StockGate {
  private static final Logger log = LoggerFactory.getLogger(RedisStockGate.class);

  /** The deals with state in Redis, for the sweep. */
  static final String DEALS = "fd:stock-deals";

  /** How long the rebuilding instance may take before another may try. */
  private static final Duration REBUILD_LEASE = Duration.ofSeconds(10);

  /** How long a request waits for another instance's rebuild before it is answered 503. */
  private static final Duration REBUILD_WAIT = Duration.ofSeconds(2);

  /** How long Redis keeps a deal's state after the deal ended (releases may still come in). */
  private static final Duration KEEP_AFTER_END = Duration.ofHours(1);

  private static final int SWEEP_BATCH = 500;

  /** The keys of one deal, in one hash slot (the {@code {d:id}} tag) as a script needs. */
  record Keys(long dealId) {
    String prefix() {
      return "fd:{d:" + dealId + "}:";
    }

    /** In the scripts' KEYS order: stock, users, orders, pending, loaded. */
    List<String> all() {
      String p = prefix();
      return List.of(p + "stock", p + "users", p + "orders", p + "pending", p + "loaded");
    }

    String pending() {
      return prefix() + "pending";
    }

    String loaded() {
      return prefix() + "loaded";
    }

    String rebuildGuard() {
      return prefix() + "rebuild";
    }
  }

  record Held(long dealId, UUID orderId) {}

  private final UnifiedJedis redis;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration hold;
  private final MeterRegistry meters;
  private final RedisCalls calls;
  private final Counter rebuilds;
  private final LuaScript take = LuaScript.load("stock-take");
  private final LuaScript giveBack = LuaScript.load("stock-give-back");
  private final LuaScript load = LuaScript.load("stock-load");
  private final LuaScript unlock = LuaScript.load("unlock");

  /** Give-backs Redis did not take (it was unreachable): the sweep tries them again. */
  private final Queue<Held> failedGiveBacks = new ConcurrentLinkedQueue<>();

  RedisStockGate(
      UnifiedJedis redis, JdbcClient jdbc, Clock clock, Duration hold, MeterRegistry meters) {
    this.redis = redis;
    this.jdbc = jdbc;
    this.clock = clock;
    this.hold = hold;
    this.meters = meters;
    this.calls = new RedisCalls(meters);
    this.rebuilds = meters.counter("flashdeal.stock.redis.rebuilds");
  }

  @Override
  public boolean gated() {
    return true;
  }

  @Override
  public Verdict admit(DealRecord deal, UUID orderId, UUID userId, int quantity, Instant now) {
    Keys keys = new Keys(deal.id());
    List<String> args =
        List.of(
            orderId.toString(),
            userId.toString(),
            Integer.toString(quantity),
            Integer.toString(deal.perUserLimit()),
            Long.toString(now.toEpochMilli()),
            Long.toString(deal.startsAt().toInstant().toEpochMilli()),
            Long.toString(deal.endsAt().toInstant().toEpochMilli()),
            terms(deal));
    long waitUntil = System.nanoTime() + REBUILD_WAIT.toNanos();
    while (true) {
      String answer = (String) calls.forRequest("take", () -> take.run(redis, keys.all(), args));
      switch (answer) {
        case "OK" -> {
          return Verdict.TAKEN;
        }
        case "REPEAT" -> {
          return Verdict.PASS;
        }
        case "CONFLICT" -> {
          return Verdict.CONFLICT;
        }
        case "NOT_ACTIVE" -> {
          return Verdict.NOT_ACTIVE;
        }
        case "LIMIT" -> {
          return Verdict.LIMIT_EXCEEDED;
        }
        case "SOLD_OUT" -> {
          return Verdict.SOLD_OUT;
        }
        case "NOT_LOADED" -> {
          if (System.nanoTime() > waitUntil) {
            throw RedisCalls.serviceUnavailable(
                ErrorCode.UPSTREAM_UNAVAILABLE,
                "The stock of deal " + deal.id() + " is still being loaded into Redis.",
                null);
          }
          rebuild(deal, keys);
        }
        default -> throw new IllegalStateException("stock-take.lua answered " + answer);
      }
    }
  }

  /**
   * Loads the deal's state from one PostgreSQL snapshot if this instance gets the guard; otherwise
   * pauses briefly (with jitter) while the holder does it.
   */
  private void rebuild(DealRecord deal, Keys keys) {
    String token = UUID.randomUUID().toString();
    String got =
        calls.forRequest(
            "rebuild",
            () ->
                redis.set(
                    keys.rebuildGuard(),
                    token,
                    SetParams.setParams().nx().px(REBUILD_LEASE.toMillis())));
    if (!"OK".equals(got)) {
      RedisCalls.pause(10, 30);
      return;
    }
    try {
      List<String> args = snapshot(deal);
      calls.forRequest("rebuild", () -> redis.sadd(DEALS, Long.toString(deal.id())));
      Object loaded = calls.forRequest("rebuild", () -> load.run(redis, keys.all(), args));
      if (Long.valueOf(1).equals(loaded)) {
        rebuilds.increment();
        log.info(
            "deal {}: stock state loaded into Redis from PostgreSQL ({} units remaining)",
            deal.id(),
            args.get(1));
      }
    } finally {
      try {
        unlock.run(redis, List.of(keys.rebuildGuard()), List.of(token));
      } catch (JedisException e) {
        // The lease ends by itself.
      }
    }
  }

  /** stock-load.lua's arguments from one statement, i.e. one snapshot. */
  private List<String> snapshot(DealRecord deal) {
    List<String> users = new ArrayList<>();
    List<String> orders = new ArrayList<>();
    String[] remaining = {null};
    jdbc.sql(StockSql.STOCK_SNAPSHOT)
        .param("dealId", deal.id())
        .query(
            rs -> {
              switch (rs.getString("kind")) {
                case "deal" -> remaining[0] = Integer.toString(rs.getInt("quantity"));
                case "user" -> {
                  users.add(rs.getString("user_id"));
                  users.add(Integer.toString(rs.getInt("quantity")));
                }
                default -> {
                  orders.add(rs.getString("order_id"));
                  orders.add(rs.getString("user_id") + "|" + rs.getInt("quantity"));
                  orders.add("RESERVED".equals(rs.getString("status")) ? "1" : "0");
                }
              }
            });
    if (remaining[0] == null) {
      throw ApiException.notFound("No deal with id " + deal.id() + ".");
    }
    long now = clock.millis();
    long expireAt =
        Math.max(
            deal.endsAt().toInstant().plus(KEEP_AFTER_END).toEpochMilli(),
            now + KEEP_AFTER_END.toMillis());
    List<String> args = new ArrayList<>(5 + users.size() + orders.size());
    args.add(terms(deal));
    args.add(remaining[0]);
    args.add(Long.toString(now));
    args.add(Long.toString(expireAt));
    args.add(Integer.toString(users.size() / 2));
    args.addAll(users);
    args.addAll(orders);
    return args;
  }

  /**
   * What identifies a deal beyond its id: a database created anew (the bench's clean start) numbers
   * its deals from 1 again, and Redis may still hold the state of the old deal 1.
   */
  private static String terms(DealRecord deal) {
    return deal.productId()
        + "|"
        + deal.quantity()
        + "|"
        + deal.startsAt().toInstant().toEpochMilli()
        + "|"
        + deal.endsAt().toInstant().toEpochMilli()
        + "|"
        + deal.perUserLimit();
  }

  @Override
  public void giveBack(long dealId, UUID orderId) {
    Keys keys = new Keys(dealId);
    try {
      calls.timed(() -> giveBack.run(redis, keys.all(), List.of(orderId.toString())));
    } catch (JedisException e) {
      calls.failed("give-back", e);
      failedGiveBacks.add(new Held(dealId, orderId));
    }
  }

  /**
   * Which of these order ids, held in Redis without a reservation, order-service has accepted as
   * orders (they keep their units: the queue brings their reservations). Settling fences the others
   * for good: no order can be written for them afterwards.
   */
  @FunctionalInterface
  interface AcceptedOrders {
    /** Nothing is accepted before its reservation exists (the synchronous flow). */
    AcceptedOrders NONE = ids -> Set.of();

    /**
     * @throws RuntimeException when order-service cannot say: nothing is given back then
     */
    Set<UUID> settle(List<UUID> unreserved);
  }

  /**
   * Gives back, after the hold, what Redis admitted but PostgreSQL does not hold (no reservation:
   * the process died between the two, or a RELEASED one whose give-back was lost), and retries the
   * give-backs Redis missed. In the asynchronous flow with the gate in front of the queue
   * (phase5-async-redis) an admitted order waits in the queue for its reservation, for as long as
   * the queue is behind: {@code accepted} asks order-service about the unreserved ones first, and
   * those it accepted keep their units. Returns the number of order ids given back.
   */
  int sweep(AcceptedOrders accepted) {
    int gaveBack = 0;
    for (int n = failedGiveBacks.size(); n > 0; n--) {
      Held held = failedGiveBacks.poll();
      if (held == null) {
        break;
      }
      giveBack(held.dealId(), held.orderId());
    }
    long cutoff = clock.millis() - hold.toMillis();
    for (String deal : calls.timed(() -> redis.smembers(DEALS))) {
      Keys keys = new Keys(Long.parseLong(deal));
      if (!calls.timed(() -> redis.exists(keys.loaded()))) {
        calls.timed(() -> redis.srem(DEALS, deal));
        continue;
      }
      List<String> due =
          calls.timed(
              () ->
                  redis.zrangeByScore(
                      keys.pending(), "-inf", Long.toString(cutoff), 0, SWEEP_BATCH));
      if (due.isEmpty()) {
        continue;
      }
      Map<UUID, String> status = new HashMap<>();
      jdbc.sql(StockSql.FIND_RESERVATION_STATUSES)
          .param("orderIds", SqlArrays.uuids(due.stream().map(UUID::fromString).toList()))
          .query(
              rs -> {
                status.put(rs.getObject("order_id", UUID.class), rs.getString("status"));
              });
      List<String> recorded = new ArrayList<>();
      List<String> back = new ArrayList<>();
      List<UUID> unreserved = new ArrayList<>();
      for (String id : due) {
        String s = status.get(UUID.fromString(id));
        if (s == null) {
          unreserved.add(UUID.fromString(id));
        } else if (s.equals("RELEASED")) {
          back.add(id);
        } else {
          recorded.add(id);
        }
      }
      if (!unreserved.isEmpty()) {
        Set<UUID> orders;
        try {
          orders = accepted.settle(unreserved);
        } catch (RuntimeException e) {
          // Units are never given back on a guess; the next sweep asks again.
          log.warn(
              "redis-lua sweep: order-service cannot settle {} order id(s) yet: {}",
              unreserved.size(),
              e.toString());
          orders = null;
        }
        if (orders != null) {
          for (UUID id : unreserved) {
            (orders.contains(id) ? recorded : back).add(id.toString());
          }
        }
      }
      for (String id : back) {
        Object units = calls.timed(() -> giveBack.run(redis, keys.all(), List.of(id)));
        if (!Long.valueOf(0).equals(units)) {
          gaveBack++;
        }
      }
      if (!recorded.isEmpty()) {
        calls.timed(() -> redis.zrem(keys.pending(), recorded.toArray(String[]::new)));
      }
    }
    if (gaveBack > 0) {
      meters.counter("flashdeal.stock.redis.swept").increment(gaveBack);
      log.info(
          "redis-lua sweep: gave back the units of {} order id(s) PostgreSQL does not hold",
          gaveBack);
    }
    return gaveBack;
  }
}
