package com.flashdeal.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicedefaults.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/**
 * The phase3-cache read path with the real Redis: a deal is served from the cache for at most its
 * time to live (its remaining units included: the stated staleness bound), creating a deal evicts
 * its product and the pages of active deals at once, and reads are counted by result.
 */
class ReadCacheIT extends ProductServiceTestBase {
  static final String REDIS = LocalDeps.ensureUp().environment().get("FLASHDEAL_REDIS_URL");

  @DynamicPropertySource
  static void cache(DynamicPropertyRegistry registry) {
    registry.add("flashdeal.product.cache.enabled", () -> "true");
    registry.add("flashdeal.product.redis.url", () -> REDIS);
    registry.add("flashdeal.product.cache.deal-ttl", () -> "1s");
  }

  @Autowired MeterRegistry meters;

  @BeforeEach
  void emptyCache() {
    // Identities restart with every test: yesterday's deal 1 must not answer for today's.
    try (RedisClient redis = RedisClient.create(URI.create(REDIS))) {
      var keys = redis.keys("fd:*");
      if (!keys.isEmpty()) {
        redis.del(keys.toArray(String[]::new));
      }
    }
  }

  @Test
  void aDealComesFromTheCacheForAtMostItsTimeToLive() throws InterruptedException {
    long deal = activeDeal(10, 5);
    assertThat(remaining(deal)).isEqualTo(10);
    double hitsBefore = reads("hit");

    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
    assertThat(remaining(deal)).as("cached: reservations do not evict").isEqualTo(10);
    assertThat(reads("hit")).isEqualTo(hitsBefore + 1);

    Thread.sleep(1_200); // past the 1 s bound
    assertThat(remaining(deal)).isEqualTo(9);
  }

  @Test
  void creatingADealEvictsItsProductAndThePagesOfActiveDeals() {
    long product = createProduct(100);
    assertThat(stock(product)).isEqualTo(100);
    assertThat(activeTotal()).isZero();
    assertThat(stock(product)).as("now from the cache").isEqualTo(100);

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    assertThat(createDeal(product, 10, 1, now.minusMinutes(1), now.plusHours(1)).status())
        .isEqualTo(201);

    assertThat(stock(product)).as("the deal took 10 units of it").isEqualTo(90);
    assertThat(activeTotal()).isEqualTo(1);
  }

  private int remaining(long deal) {
    return send("GET", "/deals/" + deal, TestTokens.user(UUID.randomUUID()), null)
        .json()
        .path("remaining")
        .asInt();
  }

  private int stock(long product) {
    return send("GET", "/products/" + product, TestTokens.user(UUID.randomUUID()), null)
        .json()
        .path("stock")
        .asInt();
  }

  private long activeTotal() {
    return send("GET", "/deals", TestTokens.user(UUID.randomUUID()), null)
        .json()
        .path("page")
        .path("totalElements")
        .asLong();
  }

  private double reads(String result) {
    return meters.counter("flashdeal.cache.reads", "result", result).count();
  }
}
