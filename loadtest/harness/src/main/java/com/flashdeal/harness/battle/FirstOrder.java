package com.flashdeal.harness.battle;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.fault.Fault;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.seed.UserPool;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Time from a service's process start to the first order it confirms: the service is killed and
 * started again by the platform (as after a crash, or a new pod), while orders are tried through
 * the gateway every 20 ms, each by another user with a fresh Idempotency-Key; the clock stops at
 * the first 201. Readiness is not the figure: a user waits for an order, and the first one also
 * pays for whatever the stack left lazy (class loading, JIT, the pool's first connections).
 */
public final class FirstOrder {
  private static final Duration LIMIT = Duration.ofSeconds(120);

  private FirstOrder() {}

  /**
   * @return milliseconds from the kill to the first 201
   */
  public static double measure(
      Platform platform,
      Platform.Deployment d,
      String service,
      List<UserPool.User> users,
      long dealId,
      Consumer<String> progress) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Fault kill = Fault.parse("kill:" + service + "@0s");
    long t0 = System.nanoTime();
    CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> platform.inject(d, kill));
    int tries = 0;
    try {
      while (System.nanoTime() - t0 < LIMIT.toNanos()) {
        UserPool.User user = users.get(tries % users.size());
        tries++;
        int status = order(http, d.gateway(), user.token(), dealId);
        if (status == 201) {
          double ms = (System.nanoTime() - t0) / 1e6;
          finish(restart);
          progress.accept(
              "    %s: first order %.0f ms after its start (%d tries)"
                  .formatted(service, ms, tries));
          return ms;
        }
        if (restart.isCompletedExceptionally()) {
          finish(restart);
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted while waiting for the first order");
    }
    throw new HarnessException(
        service + " confirmed no order within " + LIMIT.toSeconds() + " s of its start");
  }

  /** Waits for the restart, with its own failure as the bench's. */
  private static void finish(CompletableFuture<Void> restart) {
    try {
      restart.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof HarnessException h
          ? h
          : new HarnessException("restart failed: " + e.getCause(), e.getCause());
    }
  }

  private static int order(HttpClient http, URI gateway, String token, long dealId)
      throws InterruptedException {
    try {
      return http.send(
              HttpRequest.newBuilder(gateway.resolve("/orders"))
                  .timeout(Duration.ofSeconds(5))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", "first-order-" + UUID.randomUUID())
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"dealId\":" + dealId + ",\"quantity\":1}"))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0; // the gateway itself is not the subject; keep trying
    }
  }
}
