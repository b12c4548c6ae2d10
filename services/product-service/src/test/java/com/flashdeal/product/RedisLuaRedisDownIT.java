package com.flashdeal.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * redis-lua with Redis unreachable: a reservation is answered 503 UPSTREAM_UNAVAILABLE with
 * Retry-After and nothing is written (no fallback to the database: Redis would fall behind it);
 * reads do not need Redis.
 */
class RedisLuaRedisDownIT extends ProductServiceTestBase {

  @DynamicPropertySource
  static void redisOnAClosedPort(DynamicPropertyRegistry registry) {
    registry.add("flashdeal.product.stock-strategy", () -> "redis-lua");
    registry.add(
        "flashdeal.product.redis.url", () -> "redis://127.0.0.1:" + ServiceProcess.freePort());
  }

  @Test
  void aReservationIsAnswered503AndNothingIsWritten() {
    long deal = activeDeal(5, 1);
    Response r = reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1);
    assertThat(r.status()).as(r.body()).isEqualTo(503);
    assertThat(r.json().path("code").asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
    assertThat(r.header("Retry-After")).isNotNull();
    assertThat(jdbc.sql("SELECT count(*) FROM reservation").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT remaining FROM deal").query(Integer.class).single()).isEqualTo(5);
    assertThat(
            send(
                    "GET",
                    "/deals/" + deal,
                    com.flashdeal.servicedefaults.testing.TestTokens.user(UUID.randomUUID()),
                    null)
                .status())
        .isEqualTo(200);
  }
}
