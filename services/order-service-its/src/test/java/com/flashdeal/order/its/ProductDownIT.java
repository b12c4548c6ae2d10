package com.flashdeal.order.its;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.ServiceProcess;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** product-service not running at all: a clear 503, nothing written. */
class ProductDownIT extends OrderServiceTestBase {
  @Override
  void configure(Settings registry) {
    int closed = ServiceProcess.freePort();
    registry.add("FLASHDEAL_ORDER_PRODUCT_URL", () -> "http://127.0.0.1:" + closed);
    orderDatabase(registry);
  }

  @Test
  void connectionRefusedIs503() {
    assertProblem(
        order(UUID.randomUUID(), "down-" + UUID.randomUUID(), 1, 1), 503, "UPSTREAM_UNAVAILABLE");
    assertThat(orderRows()).isZero();
  }
}
