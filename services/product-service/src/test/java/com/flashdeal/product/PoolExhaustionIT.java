package com.flashdeal.product;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A pool run dry is an answer, not an error: with 2 connections held by reservations blocked on the
 * hot row, the next reservations wait the pool's timeout and get 503 OVERLOADED with Retry-After
 * (they used to get 500 "unexpected error"), and nothing of theirs is written.
 */
class PoolExhaustionIT extends ProductServiceTestBase {

  @DynamicPropertySource
  static void smallPool(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "2");
    registry.add("spring.datasource.hikari.connection-timeout", () -> "300");
    // Admission is not what this test is about: let every request reach the pool.
    registry.add("flashdeal.http.max-concurrent", () -> "100");
  }

  @Test
  void reservationsThatGetNoConnectionAre503WithRetryAfterAndWriteNothing() throws Exception {
    long deal = activeDeal(10, 1);
    List<CompletableFuture<Response>> calls = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        RowLock lock = new RowLock(deal)) {
      for (int i = 0; i < 6; i++) {
        calls.add(
            CompletableFuture.supplyAsync(
                () -> reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1), threads));
      }
      // The four that found no connection are answered while the lock is still held.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (calls.stream().filter(CompletableFuture::isDone).count() < 4
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    List<Response> answers = calls.stream().map(CompletableFuture::join).toList();
    List<Response> shed = answers.stream().filter(r -> r.status() == 503).toList();
    assertThat(answers).extracting(Response::status).containsOnly(201, 503);
    assertThat(shed).hasSize(4);
    for (Response r : shed) {
      assertProblem(r, 503, "OVERLOADED");
      assertThat(r.header("Retry-After")).isEqualTo("1");
    }
    assertThat(jdbc.sql("SELECT count(*) FROM reservation").query(Long.class).single())
        .isEqualTo(2);
    assertThat(
            jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM deal_purchase")
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(
            jdbc.sql("SELECT remaining FROM deal WHERE id = ?")
                .param(deal)
                .query(Integer.class)
                .single())
        .isEqualTo(8);
  }
}
