package com.flashdeal.ordercore.stock;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how patiently order-service calls product-service ({@code
 * flashdeal.order.product-service.*} in both stacks).
 *
 * @param url product-service's base URL for its internal API ({@code FLASHDEAL_ORDER_PRODUCT_URL})
 * @param publicUrl its base URL for the public API: the asynchronous flow reads deal terms there
 *     ({@code FLASHDEAL_ORDER_PRODUCT_PUBLIC_URL}; {@code url} when not set)
 * @param connectTimeout no connection by then: 503, nothing reserved (1 s when not set)
 * @param readTimeout no answer by then: the reservation is released and the client gets 504 (2 s
 *     when not set)
 */
public record ProductServiceSettings(
    URI url, URI publicUrl, Duration connectTimeout, Duration readTimeout) {
  public ProductServiceSettings {
    if (url == null) {
      throw new IllegalStateException(
          "flashdeal.order.product-service.url (FLASHDEAL_ORDER_PRODUCT_URL) is required");
    }
    publicUrl = publicUrl == null ? url : publicUrl;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(2) : readTimeout;
  }
}
