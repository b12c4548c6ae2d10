package com.flashdeal.order.micronaut;

import com.flashdeal.ordercore.checkout.CheckoutService;
import com.flashdeal.ordercore.checkout.SoldOutDeals;
import com.flashdeal.ordercore.orders.OrderStore;
import com.flashdeal.ordercore.settlement.SettlementStore;
import com.flashdeal.ordercore.settlement.Settlements;
import com.flashdeal.ordercore.stock.ProductClient;
import com.flashdeal.ordercore.stock.ProductServiceSettings;
import com.flashdeal.servicecore.security.AuthServiceTokens;
import com.flashdeal.servicecore.security.JwksKeySource;
import com.flashdeal.servicecore.security.JwtVerifier;
import com.flashdeal.servicecore.security.KeySource;
import com.flashdeal.servicecore.security.ServiceClient;
import com.flashdeal.servicecore.security.ServiceTokens;
import com.flashdeal.servicecore.web.Admission;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Wires the framework-neutral parts (order-core, service-core) with the same settings and defaults
 * as the Spring implementation's application.yaml (the same FLASHDEAL_* variables).
 */
@Factory
class OrderFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  KeySource keySource(
      @Property(name = "flashdeal.security.jwks-uri") URI jwksUri,
      @Property(name = "flashdeal.security.jwks-ttl") Duration ttl,
      @Property(name = "flashdeal.security.jwks-min-refresh") Duration minRefresh,
      Clock clock) {
    return new JwksKeySource(jwksUri, ttl, minRefresh, clock);
  }

  @Singleton
  JwtVerifier jwtVerifier(
      KeySource keys,
      @Property(name = "flashdeal.security.issuer") String issuer,
      @Property(name = "flashdeal.security.audience") String audience,
      @Property(name = "flashdeal.security.clock-skew") Duration clockSkew,
      Clock clock) {
    return new JwtVerifier(keys, issuer, audience, clockSkew, clock);
  }

  @Singleton
  ServiceClient serviceClient(
      @Property(name = "flashdeal.service-client.client-id") String clientId,
      @Property(name = "flashdeal.service-client.client-secret") @Nullable String clientSecret,
      @Property(name = "flashdeal.service-client.auth-internal-url") @Nullable String internalUrl,
      @Property(name = "flashdeal.service-client.auth-url") String authUrl,
      @Property(name = "flashdeal.service-client.timeout") Duration timeout) {
    String auth = internalUrl == null || internalUrl.isBlank() ? authUrl : internalUrl;
    URI tokenUri = URI.create(auth.replaceAll("/+$", "") + "/internal/service-tokens");
    return new ServiceClient(clientId, clientSecret, tokenUri, timeout);
  }

  @Singleton
  ServiceTokens serviceTokens(ServiceClient client, Clock clock) {
    return new AuthServiceTokens(client, clock);
  }

  @Singleton
  ProductClient productClient(
      @Property(name = "flashdeal.order.product-service.url") URI url,
      @Property(name = "flashdeal.order.product-service.connect-timeout") Duration connectTimeout,
      @Property(name = "flashdeal.order.product-service.read-timeout") Duration readTimeout,
      ServiceTokens tokens,
      ServiceClient client) {
    return new ProductClient(
        new ProductServiceSettings(url, null, connectTimeout, readTimeout), tokens, client);
  }

  @Singleton
  Settlements settlements(SettlementStore store) {
    return new Settlements(store);
  }

  @Singleton
  CheckoutService checkoutService(
      OrderStore orders,
      ProductClient products,
      Settlements settlements,
      Clock clock,
      @Property(name = "flashdeal.order.sold-out-ttl") Duration soldOutTtl) {
    return new CheckoutService(orders, products, settlements, clock, new SoldOutDeals(soldOutTtl));
  }

  @Singleton
  Admission admission(
      @Property(name = "flashdeal.http.max-concurrent") int maxConcurrent,
      @Property(name = "flashdeal.http.admission-wait") Duration admissionWait,
      @Property(name = "flashdeal.http.retry-after") Duration retryAfter,
      @Property(name = "flashdeal.http.unlimited-paths") List<String> unlimitedPaths) {
    // Whole seconds, at least 1 (as service-defaults' HttpProperties).
    long retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new Admission(maxConcurrent, admissionWait, retryAfterSeconds, unlimitedPaths);
  }
}
