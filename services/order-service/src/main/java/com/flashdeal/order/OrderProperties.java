package com.flashdeal.order;

import com.flashdeal.ordercore.stock.ProductServiceSettings;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.order.*}.
 *
 * @param productService where and how patiently to call product-service
 */
@ConfigurationProperties("flashdeal.order")
public record OrderProperties(ProductService productService) {

  /**
   * @param url product-service's base URL ({@code FLASHDEAL_ORDER_PRODUCT_URL})
   * @param connectTimeout no connection by then: 503, nothing reserved
   * @param readTimeout no answer by then: the reservation is released and the client gets 504
   */
  public record ProductService(
      URI url,
      @DefaultValue("1s") Duration connectTimeout,
      @DefaultValue("2s") Duration readTimeout) {

    public ProductServiceSettings settings() {
      return new ProductServiceSettings(url, connectTimeout, readTimeout);
    }
  }
}
