package com.flashdeal.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import redis.clients.jedis.params.SetParams;

/**
 * {@code redis-lock} when the lock fails at its one job: a lease shorter than the section lets a
 * second buyer in while the first still works, and db-atomic's predicate must keep the stock exact
 * anyway (a lock without fencing is an optimisation, not the guarantee).
 */
@TestPropertySource(
    properties = {
      "flashdeal.product.redis.lock-lease=100ms",
      "flashdeal.product.redis.lock-wait=2s"
    })
class RedisLockIT extends ProductServiceTestBase {

  @DynamicPropertySource
  static void redisLock(DynamicPropertyRegistry registry) {
    RedisState.use("redis-lock", registry);
  }

  @Autowired MeterRegistry meters;

  @BeforeEach
  void emptyRedis() {
    RedisState.flush();
  }

  @Test
  void aLockThatExpiresMidSectionLetsTwoBuyersInAndStillSellsTheUnitOnce() throws Exception {
    long deal = activeDeal(1, 1);
    double lostBefore = meters.counter("flashdeal.stock.redis.lock.lost").count();
    List<Future<Response>> answers = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      // The deal's row is locked from outside: every holder's section stalls in PostgreSQL far
      // past the 100 ms lease, and the next buyer takes the expired lock and enters as well.
      try (RowLock stall = new RowLock(deal)) {
        for (int i = 0; i < 3; i++) {
          answers.add(pool.submit(() -> reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1)));
        }
        Thread.sleep(1_000);
      }
      int created = 0;
      int refused = 0;
      for (Future<Response> f : answers) {
        Response r = f.get();
        if (r.status() == 201) {
          created++;
        } else {
          assertThat(r.status()).as(r.body()).isEqualTo(409);
          assertThat(r.json().path("code").asString()).isEqualTo("SOLD_OUT");
          refused++;
        }
      }
      assertThat(created).as("the only unit, sold once").isEqualTo(1);
      assertThat(refused).isEqualTo(2);
    }
    assertThat(meters.counter("flashdeal.stock.redis.lock.lost").count() - lostBefore)
        .as("holders whose lease ran out in their section")
        .isGreaterThanOrEqualTo(2);
    Integer remaining =
        jdbc.sql("SELECT remaining FROM deal WHERE id = :d")
            .param("d", deal)
            .query(Integer.class)
            .single();
    assertThat(remaining).isZero();
  }

  @Test
  void aBuyerWhoCannotGetTheLockInTimeIsAnswered503AndNothingIsWritten() throws Exception {
    long deal = activeDeal(5, 1);
    try (var redis = RedisState.client()) {
      // Someone else's lock, for longer than the buyer will wait.
      redis.set("fd:{d:" + deal + "}:lock", "someone else", SetParams.setParams().px(15_000));
      long t0 = System.nanoTime();
      Response r = reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1);
      assertThat(r.status()).as(r.body()).isEqualTo(503);
      assertThat(r.json().path("code").asString()).isEqualTo("OVERLOADED");
      assertThat(r.header("Retry-After")).isNotNull();
      assertThat((System.nanoTime() - t0) / 1e9).isBetween(1.9, 6.0);
      redis.del("fd:{d:" + deal + "}:lock");
    }
    assertThat(jdbc.sql("SELECT count(*) FROM reservation").query(Integer.class).single()).isZero();
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
  }
}
