package com.flashdeal.order.its;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The flash sale in miniature, through both real services: many more buyers than units order one
 * deal at the same moment. Subclassed per stock strategy: safe ones confirm exactly the stock;
 * naive must be caught overselling.
 *
 * <p>The read timeout is generous on purpose: this suite checks invariants, and 200 simultaneous
 * buyers on a 2-core machine legitimately push some answers past the default 2 s (which would be a
 * correct 504). Latency is the benchmark's business.
 */
abstract class OrderStampedeContractIT extends OrderServiceTestBase {
  static final int STOCK = 20;
  static final int BUYERS = 200;

  abstract String strategy();

  /** Extra environment of the product-service process (none unless a strategy needs it). */
  Map<String, String> productEnvironment() {
    return Map.of();
  }

  @Override
  void configure(Settings registry) {
    productService(strategy(), productEnvironment(), registry);
    // Every buyer waits for its answer: a 504 is not what this suite checks.
    registry.add("FLASHDEAL_ORDER_PRODUCT_READ_TIMEOUT", () -> "30s");
    // Nor is a 503 for a connection not accepted within 1 s: a cold product-service on a busy
    // machine can be that slow to accept 200 at once.
    registry.add("FLASHDEAL_ORDER_PRODUCT_CONNECT_TIMEOUT", () -> "10s");
  }

  abstract boolean safe();

  /**
   * One order on a deal of its own before the stampede, so that the 200 buyers meet JVMs that have
   * loaded their order path. A Spring Boot fat jar that 200 virtual threads enter cold can hang in
   * class loading (NestedJarFile's monitor; spring-boot#51463, open): this suite checks the stock
   * invariants, not cold starts, and the images Jib builds run from a plain classpath.
   */
  private void warmUp() {
    long deal = activeDeal(strategy(), 1, 1);
    var r = order(UUID.randomUUID(), "warm-up-" + UUID.randomUUID(), deal, 1);
    assertThat(r.status()).as("the warm-up order: %s", r.body()).isEqualTo(201);
  }

  @Test
  void confirmedOrdersNeverExceedTheStock() throws Exception {
    warmUp();
    int rounds = safe() ? 1 : 5;
    boolean held = true;
    for (int round = 0; round < rounds && held; round++) {
      long deal = activeDeal(strategy(), STOCK, 1);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> answers = new ArrayList<>();
      long elapsedMs;
      int created = 0, refused = 0, other = 0;
      List<String> otherStatuses = new ArrayList<>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < BUYERS; i++) {
          UUID user = UUID.randomUUID();
          answers.add(
              pool.submit(
                  () -> {
                    go.await();
                    // A buyer told to come back (503 + Retry-After: a hop at capacity) asks again
                    // with the same key, as the contract says, for at most 30 s: the final answer
                    // must be 201 or 409.
                    String key = "k-" + UUID.randomUUID();
                    long giveUp = System.nanoTime() + 30_000_000_000L;
                    var r = order(user, key, deal, 1);
                    while (r.status() == 503 && System.nanoTime() < giveUp) {
                      Thread.sleep(retryAfterMs(r.header("Retry-After")));
                      r = order(user, key, deal, 1);
                    }
                    // The detail too: it says which hop failed when an answer is neither.
                    return r.status()
                        + " "
                        + r.json().path("code").asString("")
                        + " "
                        + r.json().path("detail").asString("");
                  }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (var a : answers) {
          String s = a.get();
          if (s.startsWith("201")) created++;
          else if (s.startsWith("409")) refused++;
          else {
            other++;
            otherStatuses.add(s);
          }
        }
        elapsedMs = (System.nanoTime() - t0) / 1_000_000;
      }
      long confirmed =
          jdbc.sql(
                  "SELECT count(*) FROM customer_order WHERE deal_id = :d AND status = 'CONFIRMED'")
              .param("d", deal)
              .query(Long.class)
              .single();
      long maxPerUser =
          jdbc.sql(
                  "SELECT COALESCE(MAX(c), 0) FROM (SELECT count(*) c FROM customer_order WHERE deal_id = :d GROUP BY user_id) x")
              .param("d", deal)
              .query(Long.class)
              .single();
      int remaining = remaining(strategy(), deal);
      System.out.printf(
          "[%s] %d buyers, stock %d: %d confirmed (201), %d refused (409), %d other in %d ms = %.0f orders/s; orders in DB %d, remaining %d%n",
          strategy(),
          BUYERS,
          STOCK,
          created,
          refused,
          other,
          elapsedMs,
          BUYERS * 1000.0 / elapsedMs,
          confirmed,
          remaining);
      assertThat(otherStatuses).as("every answer is 201 or 409").isEmpty();
      assertThat(confirmed).as("every 201 is an order").isEqualTo(created);
      assertThat(maxPerUser).as("no user above the limit").isLessThanOrEqualTo(1);
      assertThat(remaining).as("stock never negative").isGreaterThanOrEqualTo(0);
      held = confirmed == STOCK && remaining == 0;
    }
    if (safe()) {
      assertThat(held).as("confirmed orders == stock, nothing left").isTrue();
    } else {
      assertThat(held)
          .as("naive must be caught overselling through the whole order path")
          .isFalse();
    }
  }

  /** Retry-After in ms, 0.2–2 s (1 s when absent): the stampede's buyers come back soon. */
  private static long retryAfterMs(String header) {
    try {
      return Math.clamp(Math.round(Double.parseDouble(header) * 1000), 200, 2000);
    } catch (RuntimeException e) {
      return 1000;
    }
  }
}
