package com.flashdeal.order;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.ServiceProcess;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** product-service not running at all: a clear 503, nothing written. */
class ProductDownIT extends OrderServiceTestBase {
  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    int closed = ServiceProcess.freePort();
    registry.add("flashdeal.order.product-service.url", () -> "http://127.0.0.1:" + closed);
    orderDatabase(registry);
  }

  @Test
  void connectionRefusedIs503() {
    assertProblem(
        order(UUID.randomUUID(), "down-" + UUID.randomUUID(), 1, 1), 503, "UPSTREAM_UNAVAILABLE");
    assertThat(orderRows()).isZero();
  }
}
