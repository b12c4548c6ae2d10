/**
 * Rate limiting at the edge (Phase 5, variant {@code phase5-ratelimit}): token buckets in Redis per
 * user and for everyone on orders, per account and per client address on login; 429 problem+json
 * with {@code Retry-After} and RateLimit headers. With Redis away the same buckets are kept in the
 * gateway's memory (per instance) instead of failing open.
 */
package com.flashdeal.gateway.ratelimit;
