package com.flashdeal.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The one suite every stock strategy runs (subclassed per strategy): many buyers, far more than the
 * stock, reserve one deal at the same moment through the real HTTP endpoint. Safe strategies must
 * sell exactly the stock; the naive one must be caught overselling — proof that these assertions
 * can fail.
 */
abstract class StockStrategyContractIT extends ProductServiceTestBase {
  static final int STOCK = 25;
  static final int BUYERS = 300;

  /** Whether this strategy promises the invariants. */
  abstract boolean safe();

  record Round(int created, int refused, int errors, long millis) {}

  Round stampede(long dealId, List<UUID> users, int quantity) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (UUID user : users) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return reserve(dealId, UUID.randomUUID(), user, quantity).status();
                }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      int created = 0, refused = 0, errors = 0;
      for (Future<Integer> f : answers) {
        int status = f.get();
        if (status == 201) created++;
        else if (status == 409) refused++;
        else errors++;
      }
      return new Round(created, refused, errors, (System.nanoTime() - t0) / 1_000_000);
    }
  }

  Map<String, Object> ledger(long dealId) {
    return jdbc.sql(
            "SELECT d.quantity, d.remaining,"
                + " (SELECT COALESCE(SUM(quantity), 0) FROM reservation r WHERE r.deal_id = d.id AND r.status = 'RESERVED') AS reserved,"
                + " (SELECT COALESCE(MAX(quantity), 0) FROM deal_purchase p WHERE p.deal_id = d.id) AS max_per_user"
                + " FROM deal d WHERE d.id = :id")
        .param("id", dealId)
        .query()
        .singleRow();
  }

  @Test
  void manyBuyersAtOnceNeverGetMoreThanTheStock() throws Exception {
    // The naive strategy does not oversell on every single run: give it a few rounds to show it.
    int rounds = safe() ? 1 : 5;
    boolean invariantHeld = true;
    for (int round = 0; round < rounds && invariantHeld; round++) {
      long dealId = activeDeal(STOCK, 1);
      List<UUID> users = new ArrayList<>();
      for (int i = 0; i < BUYERS; i++) users.add(UUID.randomUUID());
      Round r = stampede(dealId, users, 1);
      Map<String, Object> ledger = ledger(dealId);
      long reserved = ((Number) ledger.get("reserved")).longValue();
      int remaining = ((Number) ledger.get("remaining")).intValue();
      System.out.printf(
          "[%s] %d buyers, stock %d: %d reserved (201), %d refused (409), %d other; %d ms = %.0f reservations/s; db reserved %d, remaining %d%n",
          getClass().getSimpleName(),
          BUYERS,
          STOCK,
          r.created,
          r.refused,
          r.errors,
          r.millis,
          BUYERS * 1000.0 / r.millis,
          reserved,
          remaining);
      assertThat(r.errors).as("every answer is 201 or 409").isZero();
      assertThat(remaining).as("stock never negative").isGreaterThanOrEqualTo(0);
      invariantHeld =
          r.created == STOCK
              && reserved == STOCK
              && remaining == 0
              && reserved + remaining == STOCK;
    }
    if (safe()) {
      assertThat(invariantHeld).as("exactly the stock was sold").isTrue();
    } else {
      assertThat(invariantHeld)
          .as("naive read-check-write must be caught overselling under contention")
          .isFalse();
    }
  }

  @Test
  void oneUserHammeringADealGetsNoMoreThanTheLimit() throws Exception {
    long dealId = activeDeal(STOCK, 2);
    UUID user = UUID.randomUUID();
    Round r = stampede(dealId, java.util.Collections.nCopies(40, user), 1);
    assertThat(r.errors).isZero();
    assertThat(r.created).isEqualTo(2);
    assertThat(((Number) ledger(dealId).get("max_per_user")).intValue()).isEqualTo(2);
    assertThat(((Number) ledger(dealId).get("remaining")).intValue()).isEqualTo(STOCK - 2);
  }
}
