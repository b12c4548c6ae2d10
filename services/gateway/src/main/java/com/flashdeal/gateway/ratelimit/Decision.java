package com.flashdeal.gateway.ratelimit;

/**
 * The buckets' answer for one request.
 *
 * @param allowed a token was taken from every bucket
 * @param tightest the bucket with the fewest tokens left (the one the headers describe)
 * @param remaining its tokens left after this request
 * @param retryAfterMillis when refused, until every bucket has a token again
 * @param degraded decided by the gateway's own memory because Redis did not answer
 */
public record Decision(
    boolean allowed, Bucket tightest, long remaining, long retryAfterMillis, boolean degraded) {}
