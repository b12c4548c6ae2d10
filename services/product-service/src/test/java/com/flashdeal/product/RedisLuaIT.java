package com.flashdeal.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.product.deal.DealRepository;
import com.flashdeal.product.stock.StockGate;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code redis-lua} against the real Redis and PostgreSQL: refusals come from Redis alone, repeats
 * and releases keep the two in step, and the state survives what Redis and the process can do to it
 * — a flush mid-sale, a flushed script cache, a process dying between the Redis take and the
 * database write — without selling a unit twice or leaving one unsold
 * (docs/phase3-redis-design.md).
 */
@TestPropertySource(
    properties = {
      // The sweep gives back what PostgreSQL does not hold after the hold: short here, to wait
      // less.
      "flashdeal.product.reaper.hold=1s",
      "flashdeal.product.reaper.interval=200ms"
    })
class RedisLuaIT extends ProductServiceTestBase {

  @DynamicPropertySource
  static void redisLua(DynamicPropertyRegistry registry) {
    RedisState.use(registry);
  }

  @Autowired StockGate gate;
  @Autowired DealRepository deals;

  @BeforeEach
  void emptyRedis() {
    RedisState.flush();
  }

  @Test
  void soldOutIsAnsweredByRedisWhileTheDealRowIsLocked() throws Exception {
    long deal = activeDeal(1, 1);
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
    // db-atomic's answer would wait for this lock; Redis knows the deal is sold out.
    try (RowLock lock = new RowLock(deal)) {
      Response r =
          CompletableFuture.supplyAsync(
                  () -> reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1),
                  Executors.newVirtualThreadPerTaskExecutor())
              .get(5, TimeUnit.SECONDS);
      assertThat(r.status()).as(r.body()).isEqualTo(409);
      assertThat(r.json().path("code").asString()).isEqualTo("SOLD_OUT");
    }
    assertThat(reservations(deal)).isEqualTo(1);
  }

  @Test
  void aRepeatTakesNothingMoreAndADifferentRequestWithTheSameIdIsAConflict() {
    long deal = activeDeal(2, 1);
    UUID order = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    assertThat(reserve(deal, order, user, 1).status()).isEqualTo(201);
    assertThat(reserve(deal, order, user, 1).status()).as("the same request again").isEqualTo(200);
    Response other = reserve(deal, order, UUID.randomUUID(), 1);
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().path("code").asString()).isEqualTo("RESERVATION_CONFLICT");
    Response again = reserve(deal, UUID.randomUUID(), user, 1);
    assertThat(again.json().path("code").asString()).isEqualTo("LIMIT_EXCEEDED");

    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
    assertThat(
            reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).json().path("code").asString())
        .isEqualTo("SOLD_OUT");
    assertThat(remaining(deal)).isZero();
  }

  @Test
  void releasedUnitsAreSoldAgain() {
    long deal = activeDeal(1, 1);
    UUID order = UUID.randomUUID();
    assertThat(reserve(deal, order, UUID.randomUUID(), 1).status()).isEqualTo(201);
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(409);

    assertThat(internal("DELETE", "/internal/reservations/" + order, null, null).status())
        .isEqualTo(200);
    assertThat(internal("DELETE", "/internal/reservations/" + order, null, null).status())
        .as("released twice, given back once")
        .isEqualTo(200);

    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(409);
    assertThat(remaining(deal)).isZero();
  }

  @Test
  void aFlushedRedisIsRebuiltFromPostgresql() {
    long deal = activeDeal(3, 1);
    UUID order = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    assertThat(reserve(deal, order, user, 1).status()).isEqualTo(201);
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);

    RedisState.flush();

    assertThat(reserve(deal, order, user, 1).status())
        .as("a repeat is still a repeat")
        .isEqualTo(200);
    assertThat(reserve(deal, UUID.randomUUID(), user, 1).json().path("code").asString())
        .as("the user's units were rebuilt")
        .isEqualTo("LIMIT_EXCEEDED");
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
    assertThat(
            reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).json().path("code").asString())
        .isEqualTo("SOLD_OUT");
    assertThat(reservations(deal)).isEqualTo(3);
  }

  @Test
  void aFlushedScriptCacheIsLoadedAgain() {
    long deal = activeDeal(2, 1);
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
    try (var redis = RedisState.client()) {
      redis.scriptFlush();
    }
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
  }

  @Test
  void stateLeftInRedisByAnotherDealOfTheSameIdIsReplaced() {
    long before = activeDeal(1, 1);
    // As after the bench's clean start: a new database numbers its deals from 1 again, while
    // Redis still holds the old deal's state (sold out) under the same id.
    long next = before + 1;
    try (var redis = RedisState.client()) {
      redis.set("fd:{d:" + next + "}:loaded", "an old deal's terms");
      redis.set("fd:{d:" + next + "}:stock", "0");
    }
    long deal = activeDeal(1, 1);
    assertThat(deal).isEqualTo(next);
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
  }

  @Test
  void unitsTakenInRedisButNeverWrittenComeBackAfterTheHold() throws Exception {
    long deal = activeDeal(1, 1);
    // The process "dies" between the Redis take and the database transaction: Redis holds the
    // only unit, PostgreSQL knows of no reservation.
    assertThat(
            gate.admit(
                deals.find(deal).orElseThrow(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                Instant.now()))
        .isEqualTo(StockGate.Verdict.TAKEN);
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status())
        .as("held in Redis")
        .isEqualTo(409);

    long t0 = System.nanoTime();
    int status = 409;
    while (status == 409 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10)) {
      Thread.sleep(200);
      status = reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("[RedisLuaIT] a unit held only in Redis came back after %.1f s%n", seconds);
    assertThat(status).as("the sweep gave the unit back").isEqualTo(201);
    assertThat(remaining(deal)).isZero();
    assertThat(reservations(deal)).isEqualTo(1);
  }

  @Test
  void aFlushInTheMiddleOfAStampedeSellsExactlyTheStock() throws Exception {
    int stock = 25;
    long deal = activeDeal(stock, 1);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 300; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1);
                }));
      }
      go.countDown();
      while (reservations(deal) < 8) {
        Thread.onSpinWait();
      }
      RedisState.flush();
      int created = 0;
      int shed = 0;
      List<String> others = new ArrayList<>();
      for (Future<Response> f : answers) {
        Response r = f.get();
        if (r.status() == 201) {
          created++;
        } else if (r.status() == 503 && r.header("Retry-After") != null) {
          // Buyers who came while the state was being rebuilt (the documented answer: come back).
          shed++;
        } else if (r.status() != 409) {
          others.add(r.status() + " " + r.body());
        }
      }
      assertThat(others).as("every answer 201, 409, or 503 with Retry-After").isEmpty();
      // Buyers keep coming until the deal is sold out: no unit may stay unsold.
      int late = 0;
      for (int attempt = 0; attempt < 200; attempt++) {
        int status = reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status();
        if (status == 409) {
          break;
        }
        late += status == 201 ? 1 : 0;
      }
      System.out.printf(
          "[RedisLuaIT] flush mid-stampede: %d sold in the stampede, %d answered 503, %d sold later%n",
          created, shed, late);
      assertThat(created + late).isEqualTo(stock);
    }
    Thread.sleep(1_500); // past the hold: the sweep has looked at everything
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(409);
    assertThat(reservations(deal)).isEqualTo(stock);
    assertThat(remaining(deal)).isZero();
  }

  @Test
  void theBuyerOfAnotherUserIsStillRefusedBeforeRedis() {
    long deal = activeDeal(1, 1);
    Response r =
        internal(
            "POST",
            "/internal/deals/" + deal + "/reservations",
            TestTokens.user(UUID.randomUUID()),
            "{\"orderId\":\"%s\",\"userId\":\"%s\",\"quantity\":1}"
                .formatted(UUID.randomUUID(), UUID.randomUUID()));
    assertThat(r.status()).isEqualTo(403);
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
  }

  int reservations(long deal) {
    return jdbc.sql("SELECT count(*) FROM reservation WHERE deal_id = :d AND status <> 'RELEASED'")
        .param("d", deal)
        .query(Integer.class)
        .single();
  }

  int remaining(long deal) {
    return jdbc.sql("SELECT remaining FROM deal WHERE id = :d")
        .param("d", deal)
        .query(Integer.class)
        .single();
  }
}
