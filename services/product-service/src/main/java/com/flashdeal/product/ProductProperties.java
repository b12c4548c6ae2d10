package com.flashdeal.product;

import com.flashdeal.servicecore.messaging.MessagingSettings;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.product.*}.
 *
 * @param stockStrategy how a reservation takes units from a deal: {@code db-atomic} (default),
 *     {@code db-lock}, {@code redis-lua} (Redis admits, db-atomic guards), {@code redis-lock} (a
 *     Redis lock per deal around db-atomic's transaction), or the deliberately unsafe {@code naive}
 *     demonstrator ({@code FLASHDEAL_PRODUCT_STOCK_STRATEGY})
 * @param reaper how reservations that never became orders are given back
 * @param cache the Redis read cache of deals and products (variant {@code phase3-cache})
 * @param redis the Redis server of the cache and of the Redis stock strategies
 * @param orderFlow {@code sync}, or {@code async}: accepted orders arrive through RabbitMQ (Phase
 *     5, {@code FLASHDEAL_ORDER_FLOW}, the same variable as order-service's)
 * @param messaging the broker, for the asynchronous flow
 * @param oneStatementReservation with db-atomic's decrement (db-atomic and both Redis strategies),
 *     a reservation is one call of a database function, committed on its own, instead of a
 *     transaction of statements sent one by one: one round trip, and the hot deal row is never
 *     locked across one ({@code FLASHDEAL_PRODUCT_ONE_STATEMENT_RESERVATION}; off only to measure
 *     what it buys)
 */
@ConfigurationProperties("flashdeal.product")
public record ProductProperties(
    @DefaultValue("db-atomic") String stockStrategy,
    @DefaultValue Reaper reaper,
    @DefaultValue Cache cache,
    @DefaultValue Redis redis,
    @DefaultValue("sync") String orderFlow,
    MessagingSettings messaging,
    @DefaultValue("true") boolean oneStatementReservation) {

  /**
   * @param url {@code redis://[[user]:password@]host:port} ({@code FLASHDEAL_REDIS_URL})
   * @param timeout connect and answer timeout of a Redis call, and the longest wait for a pooled
   *     connection; then the cache reads the database and a Redis stock strategy answers 503
   * @param connections pooled Redis connections: as many as requests served at once ({@code
   *     FLASHDEAL_HTTP_MAX_CONCURRENT}), so that no request waits for one
   * @param lockLease redis-lock: how long a deal's lock lasts unless its holder deletes it first;
   *     longer than the section it guards (a reservation's transaction, whose connection wait is 1
   *     s) so that it expires only on a stall ({@code FLASHDEAL_PRODUCT_REDIS_LOCK_LEASE})
   * @param lockWait redis-lock: the longest a reservation waits for the lock; then 503 OVERLOADED
   */
  public record Redis(
      @DefaultValue("redis://127.0.0.1:56379") URI url,
      @DefaultValue("100ms") Duration timeout,
      @DefaultValue("20") int connections,
      @DefaultValue("2s") Duration lockLease,
      @DefaultValue("500ms") Duration lockWait) {}

  /**
   * @param enabled cache-aside reads in Redis ({@code FLASHDEAL_PRODUCT_CACHE_ENABLED})
   * @param dealTtl how long a deal (and a page of active deals) is served from the cache: the bound
   *     on how old a shown {@code remaining} and {@code status} can be, since reservations do not
   *     evict ({@code FLASHDEAL_PRODUCT_CACHE_DEAL_TTL})
   * @param productTtl how long a product is served from the cache; creating a deal evicts its
   *     product at once, as it moves units out of the product's stock
   */
  public record Cache(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("1s") Duration dealTtl,
      @DefaultValue("30s") Duration productTtl) {}

  /**
   * @param enabled off only in tests that have no order-service ({@code
   *     FLASHDEAL_PRODUCT_REAPER_ENABLED})
   * @param hold how long a reservation may stay open before order-service is asked about it: longer
   *     than order-service's own path from reserve to insert (its read timeout plus a pool wait),
   *     so that live orders are not asked about; asking early is safe, only wasteful (that order
   *     then fails with 503 and its units come back)
   * @param interval pause between two passes
   * @param batch order ids per settlement call
   * @param orderServiceUrl order-service's base URL ({@code FLASHDEAL_PRODUCT_ORDER_URL})
   * @param timeout connect and answer timeout of the settlement call
   */
  public record Reaper(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("5s") Duration hold,
      @DefaultValue("1s") Duration interval,
      @DefaultValue("500") int batch,
      URI orderServiceUrl,
      @DefaultValue("2s") Duration timeout) {}
}
