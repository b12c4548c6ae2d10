package com.flashdeal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.testing.TestHttp;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The decided behaviour with Redis away (here: a port nobody listens on): the gateway keeps serving
 * and keeps limiting, with the same buckets in its own memory, and counts the degraded decisions.
 * Spring Cloud Gateway's stock limiter would let everything through instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitWithoutRedisIT extends RateLimitTestBase {

  @DynamicPropertySource
  static void start(DynamicPropertyRegistry registry) throws IOException {
    int closed = ServiceProcess.freePort();
    registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + closed);
    stubs(registry);
  }

  @Test
  void limitsStillHoldAndTheGatewayStaysUp() throws Exception {
    UUID bot = UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      Response ok = order(bot);
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }
    assertRateLimited(order(bot));
    String victim = "victim-" + UUID.randomUUID() + "@example.com";
    for (int i = 0; i < 3; i++) {
      assertThat(login(victim).status()).isEqualTo(200);
    }
    assertRateLimited(login(victim));
    assertThat(order(UUID.randomUUID()).status()).isEqualTo(200);

    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics).containsPattern("flashdeal_ratelimit_degraded_total [1-9]");
    Response health = TestHttp.send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
    assertThat(health.status()).as("Redis away is not the gateway down").isEqualTo(200);
  }
}
