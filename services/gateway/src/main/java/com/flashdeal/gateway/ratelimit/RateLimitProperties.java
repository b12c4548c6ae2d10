package com.flashdeal.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.gateway.rate-limit.*}.
 *
 * @param enabled off by default; {@code FLASHDEAL_GATEWAY_RATE_LIMIT=true} (variant
 *     phase5-ratelimit)
 * @param orderPerUser POST /orders by one user
 * @param orderGlobal POST /orders by everyone together
 * @param loginPerAccount POST /auth/login for one e-mail address (whoever sends it)
 * @param loginPerAddress POST /auth/login from one client address (any account)
 * @param redisTimeout how long a bucket may take in Redis before the gateway decides with its own
 *     memory
 */
@ConfigurationProperties("flashdeal.gateway.rate-limit")
public record RateLimitProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue({"2", "4"}) Limit orderPerUser,
    @DefaultValue({"400", "800"}) Limit orderGlobal,
    @DefaultValue({"0.1", "5"}) Limit loginPerAccount,
    @DefaultValue({"2", "20"}) Limit loginPerAddress,
    @DefaultValue("100ms") Duration redisTimeout) {

  /**
   * @param rate tokens per second, refilled continuously
   * @param burst the bucket's size: how many requests may come at once after a quiet spell
   */
  public record Limit(double rate, int burst) {
    public Limit {
      if (!(rate > 0) || burst < 1) {
        throw new IllegalArgumentException("a limit needs rate > 0 and burst >= 1");
      }
    }
  }
}
