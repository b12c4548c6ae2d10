package com.flashdeal.product;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code flashdeal.http.internal-port}, the internal API answers on that port only and the
 * public API on the main port only: what the charts' NetworkPolicies rely on to let only
 * order-service reach the reservations.
 */
class InternalPortIT extends ProductServiceTestBase {
  private static final int INTERNAL_PORT = ServiceProcess.freePort();

  @DynamicPropertySource
  static void internalPort(DynamicPropertyRegistry registry) {
    registry.add("flashdeal.http.internal-port", () -> INTERNAL_PORT);
  }

  @Override
  int internalPort() {
    return INTERNAL_PORT;
  }

  @Test
  void reservationsAreServedOnTheInternalPortOnly() {
    long deal = activeDeal(5, 1);
    UUID buyer = UUID.randomUUID();
    String body =
        "{\"orderId\":\"%s\",\"userId\":\"%s\",\"quantity\":1}".formatted(UUID.randomUUID(), buyer);
    Map<String, String> endUser = Map.of("X-End-User-Token", TestTokens.user(buyer));

    Response onPublicPort =
        send("POST", "/internal/deals/" + deal + "/reservations", ORDER_SERVICE, body, endUser);
    assertProblem(onPublicPort, 404, "NOT_FOUND");
    assertThat(remaining(deal)).as("nothing reserved through the public port").isEqualTo(5);

    Response onInternalPort =
        sendTo(
            INTERNAL_PORT,
            "POST",
            "/internal/deals/" + deal + "/reservations",
            ORDER_SERVICE,
            body,
            endUser);
    assertThat(onInternalPort.status()).as(onInternalPort.body()).isEqualTo(201);
    assertThat(remaining(deal)).isEqualTo(4);
  }

  @Test
  void thePublicApiAndTheActuatorAreServedOnTheMainPortOnly() {
    for (String path : new String[] {"/products", "/deals", "/actuator/health"}) {
      assertProblem(
          sendTo(INTERNAL_PORT, "GET", path, TestTokens.user(UUID.randomUUID()), null, Map.of()),
          404,
          "NOT_FOUND");
    }
    assertThat(send("GET", "/products", TestTokens.user(UUID.randomUUID()), null).status())
        .isEqualTo(200);
    assertThat(send("GET", "/actuator/health", null, null).status()).isEqualTo(200);
  }

  private int remaining(long deal) {
    return send("GET", "/deals/" + deal, TestTokens.user(UUID.randomUUID()), null)
        .json()
        .path("remaining")
        .asInt();
  }
}
