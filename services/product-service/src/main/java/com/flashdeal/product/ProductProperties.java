package com.flashdeal.product;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.product.*}.
 *
 * @param stockStrategy how a reservation takes units from a deal: {@code db-atomic} (default),
 *     {@code db-lock}, or the deliberately unsafe {@code naive} demonstrator ({@code
 *     FLASHDEAL_PRODUCT_STOCK_STRATEGY})
 * @param reaper how reservations that never became orders are given back
 */
@ConfigurationProperties("flashdeal.product")
public record ProductProperties(
    @DefaultValue("db-atomic") String stockStrategy, @DefaultValue Reaper reaper) {

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
