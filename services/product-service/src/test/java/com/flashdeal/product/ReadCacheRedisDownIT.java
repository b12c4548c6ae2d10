package com.flashdeal.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the cache on and Redis unreachable, reads are answered from PostgreSQL and counted. */
class ReadCacheRedisDownIT extends ProductServiceTestBase {

  @DynamicPropertySource
  static void cacheOnAClosedPort(DynamicPropertyRegistry registry) {
    registry.add("flashdeal.product.cache.enabled", () -> "true");
    registry.add(
        "flashdeal.product.redis.url", () -> "redis://127.0.0.1:" + ServiceProcess.freePort());
  }

  @Autowired MeterRegistry meters;

  @Test
  void readsAreAnsweredFromTheDatabase() {
    long deal = activeDeal(10, 5);
    long t0 = System.nanoTime();
    var r = send("GET", "/deals/" + deal, TestTokens.user(UUID.randomUUID()), null);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("remaining").asInt()).isEqualTo(10);
    assertThat(send("GET", "/deals", TestTokens.user(UUID.randomUUID()), null).status())
        .isEqualTo(200);
    assertThat(meters.counter("flashdeal.redis.errors", "op", "read").count()).isEqualTo(2);
    System.out.printf("[cache] a read with Redis unreachable took %d ms%n", millis);
  }
}
