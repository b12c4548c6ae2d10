package com.flashdeal.gateway;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.net.URI;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routing table. There is deliberately no route for {@code /internal/**}; {@link
 * IdentityFilter} also answers it with 404 before routing, so no future catch-all route can expose
 * it.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

  @Bean
  RouteLocator flashDealRoutes(RouteLocatorBuilder builder, GatewayProperties props) {
    int connectMs = (int) props.connectTimeout().toMillis();
    long responseMs = props.responseTimeout().toMillis();
    GatewayProperties.Upstreams up = props.upstreams();
    return builder
        .routes()
        .route("auth", r -> route(r.path("/auth", "/auth/**"), up.auth(), connectMs, responseMs))
        .route(
            "product",
            r ->
                route(
                    r.path("/products", "/products/**", "/deals", "/deals/**"),
                    up.product(),
                    connectMs,
                    responseMs))
        .route(
            "order", r -> route(r.path("/orders", "/orders/**"), up.order(), connectMs, responseMs))
        .build();
  }

  private static org.springframework.cloud.gateway.route.builder.Buildable<
          org.springframework.cloud.gateway.route.Route>
      route(
          org.springframework.cloud.gateway.route.builder.BooleanSpec spec,
          URI upstream,
          int connectMs,
          long responseMs) {
    return spec.metadata(CONNECT_TIMEOUT_ATTR, connectMs)
        .metadata(RESPONSE_TIMEOUT_ATTR, responseMs)
        .uri(upstream);
  }
}
