package com.flashdeal.order;

import com.flashdeal.ordercore.stock.ProductServiceSettings;
import com.flashdeal.servicecore.messaging.MessagingSettings;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.order.*}.
 *
 * @param productService where and how patiently to call product-service
 * @param flow {@code sync} (201 after the reservation) or {@code async} (202 PENDING, Phase 5)
 * @param messaging the broker, for the asynchronous flow
 * @param admission what the asynchronous flow asks before it accepts an order
 * @param soldOutTtl the synchronous flow: how long a SOLD_OUT from product-service is answered here
 *     without asking again (0: never)
 */
@ConfigurationProperties("flashdeal.order")
public record OrderProperties(
    ProductService productService,
    @DefaultValue("sync") Flow flow,
    MessagingSettings messaging,
    @DefaultValue("local") Admission admission,
    @DefaultValue("200ms") Duration soldOutTtl) {

  public enum Flow {
    SYNC,
    ASYNC
  }

  /**
   * {@code local}: only what order-service can tell from the deal's terms (window, per-user limit);
   * SOLD_OUT comes later as a REJECTED order. {@code stock-gate}: product-service's stock gate (the
   * redis-lua script) holds the units first, so a sold-out deal is a 409 at once ({@code
   * phase5-async-redis}).
   */
  public enum Admission {
    LOCAL,
    STOCK_GATE
  }

  /**
   * @param url product-service's base URL ({@code FLASHDEAL_ORDER_PRODUCT_URL})
   * @param publicUrl its public API's, for deal terms (Phase 5; {@code
   *     FLASHDEAL_ORDER_PRODUCT_PUBLIC_URL})
   * @param connectTimeout no connection by then: 503, nothing reserved
   * @param readTimeout no answer by then: the reservation is released and the client gets 504
   */
  public record ProductService(
      URI url,
      URI publicUrl,
      @DefaultValue("1s") Duration connectTimeout,
      @DefaultValue("2s") Duration readTimeout) {

    public ProductServiceSettings settings() {
      return new ProductServiceSettings(url, publicUrl, connectTimeout, readTimeout);
    }
  }
}
