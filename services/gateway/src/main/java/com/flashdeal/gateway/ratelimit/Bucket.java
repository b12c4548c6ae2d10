package com.flashdeal.gateway.ratelimit;

/**
 * One bucket a request falls under.
 *
 * @param name for metrics and logs ({@code order-user}, {@code order-global}, ...)
 * @param key its Redis key (no personal data: accounts are hashed)
 */
public record Bucket(String name, String key, RateLimitProperties.Limit limit) {}
