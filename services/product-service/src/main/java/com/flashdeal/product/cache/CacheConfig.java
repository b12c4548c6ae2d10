package com.flashdeal.product.cache;

import com.flashdeal.product.ProductProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.ObjectMapper;

/** The read cache of the configuration: Redis when {@code flashdeal.product.cache.enabled}. */
@Configuration(proxyBeanMethods = false)
class CacheConfig {
  private static final Logger log = LoggerFactory.getLogger(CacheConfig.class);

  @Bean
  ReadCache readCache(
      ProductProperties properties,
      ObjectMapper json,
      MeterRegistry meters,
      org.springframework.beans.factory.ObjectProvider<RedisClient> redis) {
    ProductProperties.Cache cache = properties.cache();
    if (!cache.enabled()) {
      return ReadCache.OFF;
    }
    log.info(
        "read cache: Redis at {}, deals {} (their remaining units are at most that old), products {}",
        cache.redisUrl(),
        cache.dealTtl(),
        cache.productTtl());
    return new RedisReadCache(redis.getObject(), json, meters);
  }

  /** Only created when the cache asks for it; closed with the context. */
  @Bean(destroyMethod = "close")
  @org.springframework.context.annotation.Lazy
  RedisClient redisClient(ProductProperties properties) {
    ProductProperties.Cache cache = properties.cache();
    URI url = cache.redisUrl();
    int timeout = (int) cache.timeout().toMillis();
    // Jedis' default pool holds 8 connections and waits for one without end: at sale rates the
    // reads queued there, holding admission slots, and reservations were shed (503 OVERLOADED).
    // As many connections as requests served at once, and a wait as short as a Redis call.
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(cache.connections());
    pool.setMaxIdle(cache.connections());
    pool.setMinIdle(Math.min(4, cache.connections()));
    pool.setMaxWait(cache.timeout());
    return RedisClient.builder()
        .poolConfig(pool)
        .hostAndPort(url.getHost(), url.getPort() > 0 ? url.getPort() : 6379)
        .clientConfig(
            DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout)
                .socketTimeoutMillis(timeout)
                .build())
        .build();
  }
}
