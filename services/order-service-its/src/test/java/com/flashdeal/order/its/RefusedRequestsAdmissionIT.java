package com.flashdeal.order.its;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.testing.TestHttp;
import com.flashdeal.servicedefaults.testing.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A request refused before it reaches an operation (a rejected token, a bad query) gives its
 * admission back: with four admissions, forty refusals in a row must leave the service answering.
 * Seen on the Micronaut order-service, which kept a permit for every rejected token until it
 * answered nothing but 503 OVERLOADED.
 */
class RefusedRequestsAdmissionIT extends OrderServiceTestBase {
  @Override
  void configure(Settings registry) {
    int closed = ServiceProcess.freePort();
    registry.add("FLASHDEAL_ORDER_PRODUCT_URL", () -> "http://127.0.0.1:" + closed);
    orderDatabase(registry);
    registry.add("FLASHDEAL_HTTP_MAX_CONCURRENT", () -> "4");
  }

  @Test
  void refusalsBeforeAnOperationGiveTheirAdmissionBack() {
    for (int i = 0; i < 20; i++) {
      assertProblem(
          TestHttp.send("GET", orders("/orders"), "not-a-token", null, null, Map.of()),
          401,
          "UNAUTHENTICATED");
      assertProblem(
          TestHttp.send(
              "GET",
              orders("/orders?page=1&page=2"),
              TestTokens.user(UUID.randomUUID()),
              null,
              null,
              Map.of()),
          400,
          "VALIDATION_FAILED");
    }
    var own =
        TestHttp.send(
            "GET", orders("/orders"), TestTokens.user(UUID.randomUUID()), null, null, Map.of());
    assertThat(own.status()).as(own.body()).isEqualTo(200);
  }
}
