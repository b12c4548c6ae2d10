package com.flashdeal.product;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
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
 * The bulkhead: with both slots taken by reservations blocked on the hot row, further requests
 * (reads included) are shed at once with 503 OVERLOADED and Retry-After, while the actuator's
 * probes still answer.
 */
class AdmissionLimitIT extends ProductServiceTestBase {

  @DynamicPropertySource
  static void twoSlots(DynamicPropertyRegistry registry) {
    registry.add("flashdeal.http.max-concurrent", () -> "2");
    registry.add("flashdeal.http.admission-wait", () -> "100ms");
  }

  @Test
  void requestsBeyondTheLimitAreShedAtOnceAndProbesStillAnswer() throws Exception {
    long deal = activeDeal(10, 1);
    List<CompletableFuture<Response>> held = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        RowLock lock = new RowLock(deal)) {
      for (int i = 0; i < 2; i++) {
        held.add(
            CompletableFuture.supplyAsync(
                () -> reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1), threads));
      }
      // Wait until both hold their slot (they block on the row, inside the service).
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (activeLockWaiters() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(activeLockWaiters()).isEqualTo(2);

      long start = System.nanoTime();
      Response reserve = reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1);
      Response read = send("GET", "/deals/" + deal, TestTokens.admin(), null);
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertProblem(reserve, 503, "OVERLOADED");
      assertProblem(read, 503, "OVERLOADED");
      assertThat(reserve.header("Retry-After")).isEqualTo("1");
      assertThat(elapsedMs)
          .as("shed after the admission wait, not after a timeout")
          .isLessThan(2_000);
      assertThat(send("GET", "/actuator/health/liveness", null, null).status()).isEqualTo(200);
    }
    assertThat(held).extracting(f -> f.join().status()).containsOnly(201);
    assertThat(jdbc.sql("SELECT count(*) FROM reservation").query(Long.class).single())
        .isEqualTo(2);
  }

  /** Backends of the product database waiting for a row lock: the held reservations. */
  private long activeLockWaiters() {
    return jdbc.sql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
        .query(Long.class)
        .single();
  }
}
