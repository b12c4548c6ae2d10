package com.flashdeal.servicedefaults.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.http.*}.
 *
 * @param maxBodyBytes request bodies above this are refused with 413 ({@code
 *     FLASHDEAL_HTTP_MAXBODYBYTES})
 * @param maxConcurrent requests served at once; more wait for a slot ({@code
 *     FLASHDEAL_HTTP_MAXCONCURRENT}). Size it to what the service can finish in time: a few times
 *     its database pool, not "unbounded" (virtual threads accept any number of requests, which then
 *     queue on the pool until they time out)
 * @param admissionWait how long a request waits for a slot before it is answered 503 {@code
 *     OVERLOADED} ({@code FLASHDEAL_HTTP_ADMISSIONWAIT}); short, so that the callers' budgets
 *     (order-service's read timeout, the gateway's response timeout) are never spent queueing
 * @param retryAfter the {@code Retry-After} of every 503 this service answers ({@code
 *     FLASHDEAL_HTTP_RETRYAFTER}), whole seconds
 * @param unlimitedPaths path prefixes the admission limit never sheds (besides the actuator's):
 *     low-volume control traffic that must get through while the public flood is shed
 * @param internalPort the port of the internal API ({@code /internal/**}); 0 serves it on the main
 *     port with everything else. When set, {@code /internal/**} is answered on that port only and
 *     the public API on the main port only, so a NetworkPolicy can let only the callers of the
 *     internal API reach it (see {@link InternalPortFilter})
 */
@ConfigurationProperties("flashdeal.http")
public record HttpProperties(
    @DefaultValue("65536") long maxBodyBytes,
    @DefaultValue("64") int maxConcurrent,
    @DefaultValue("250ms") Duration admissionWait,
    @DefaultValue("1s") Duration retryAfter,
    @DefaultValue java.util.List<String> unlimitedPaths,
    @DefaultValue("0") int internalPort) {

  public HttpProperties {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException(
          "flashdeal.http.max-concurrent must be at least 1, not " + maxConcurrent);
    }
    if (internalPort < 0 || internalPort > 65535) {
      throw new IllegalArgumentException(
          "flashdeal.http.internal-port must be a port number or 0, not " + internalPort);
    }
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("flashdeal.http.retry-after must not be negative");
    }
  }

  /** {@code Retry-After} in whole seconds, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
