package com.flashdeal.product;

import com.flashdeal.localdeps.LocalDeps;
import java.net.URI;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.clients.jedis.RedisClient;

/** A Redis stock strategy on local-deps' Redis, for the ITs that need it. */
final class RedisState {
  static final String URL = LocalDeps.ensureUp().environment().get("FLASHDEAL_REDIS_URL");

  private RedisState() {}

  static void use(DynamicPropertyRegistry registry) {
    use("redis-lua", registry);
  }

  static void use(String strategy, DynamicPropertyRegistry registry) {
    registry.add("flashdeal.product.stock-strategy", () -> strategy);
    registry.add("flashdeal.product.redis.url", () -> URL);
  }

  static RedisClient client() {
    return RedisClient.create(URI.create(URL));
  }

  /** Every key of ours: each test numbers its deals from 1 again. */
  static void flush() {
    try (RedisClient redis = client()) {
      var keys = redis.keys("fd:*");
      if (!keys.isEmpty()) {
        redis.del(keys.toArray(String[]::new));
      }
    }
  }
}
