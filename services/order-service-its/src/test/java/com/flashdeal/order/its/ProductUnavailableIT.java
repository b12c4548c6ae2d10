package com.flashdeal.order.its;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * product-service failing in the two ways a network call can: too slow (answers after the read
 * timeout: order-service gives up, releases what may have been reserved, answers 504) and broken
 * (5xx: 503). A stand-in server plays product-service here because the point is its misbehaviour;
 * the refused-connection case uses a closed port.
 */
class ProductUnavailableIT extends OrderServiceTestBase {
  static HttpServer slowProduct;
  static final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  void configure(Settings registry) throws IOException {
    slowProduct = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slowProduct.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          calls.add(ex.getRequestMethod() + " " + path);
          int status = 200;
          if (path.startsWith("/internal/deals/1/")) {
            try {
              Thread.sleep(1500); // beyond the 500 ms read timeout below
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            status = 503;
          } else if (path.startsWith("/internal/deals/2/")) {
            status = 500;
          }
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    slowProduct.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    slowProduct.start();
    registry.add(
        "FLASHDEAL_ORDER_PRODUCT_URL",
        () -> "http://127.0.0.1:" + slowProduct.getAddress().getPort());
    registry.add("FLASHDEAL_ORDER_PRODUCT_READ_TIMEOUT", () -> "500ms");
    orderDatabase(registry);
  }

  @AfterAll
  static void stop() {
    slowProduct.stop(0);
  }

  @Test
  void aSlowReserveIsReleasedAndAnswered504() throws Exception {
    calls.clear();
    var answer = order(UUID.randomUUID(), "slow-" + UUID.randomUUID(), 1, 1);
    assertProblem(answer, 504, "UPSTREAM_TIMEOUT");
    assertThat(answer.header("Retry-After")).as("temporary: say when to come back").isEqualTo("1");
    assertThat(calls).anyMatch(c -> c.startsWith("POST /internal/deals/1/reservations"));
    assertThat(calls)
        .as("compensation: the possibly made reservation is released")
        .anyMatch(c -> c.startsWith("DELETE /internal/reservations/"));
    assertThat(orderRows()).isZero();
  }

  @Test
  void aFailingProductServiceIs503() {
    var answer = order(UUID.randomUUID(), "fail-" + UUID.randomUUID(), 2, 1);
    assertProblem(answer, 503, "UPSTREAM_UNAVAILABLE");
    assertThat(answer.header("Retry-After")).isEqualTo("1");
    assertThat(orderRows()).isZero();
  }
}
