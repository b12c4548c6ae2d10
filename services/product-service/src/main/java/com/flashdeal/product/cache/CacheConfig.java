package com.flashdeal.product.cache;

import com.flashdeal.product.ProductProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
        properties.redis().url(),
        cache.dealTtl(),
        cache.productTtl());
    return new RedisReadCache(redis.getObject(), json, meters);
  }
}
