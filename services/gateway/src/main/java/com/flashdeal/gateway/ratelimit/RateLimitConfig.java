package com.flashdeal.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The limiter, only with {@code flashdeal.gateway.rate-limit.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "flashdeal.gateway.rate-limit.enabled", havingValue = "true")
class RateLimitConfig {

  @Bean
  TokenBuckets tokenBuckets(
      ReactiveRedisConnectionFactory redis, RateLimitProperties limits, MeterRegistry meters) {
    return new TokenBuckets(new ReactiveStringRedisTemplate(redis), limits, meters);
  }

  @Bean
  RateLimitFilter rateLimitFilter(
      TokenBuckets buckets, RateLimitProperties limits, MeterRegistry meters) {
    return new RateLimitFilter(buckets, limits, meters);
  }
}
