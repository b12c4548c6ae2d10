package com.flashdeal.gateway;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.gateway.*}.
 *
 * @param upstreams where each service listens
 * @param connectTimeout how long to wait for a connection to an upstream (then 503)
 * @param responseTimeout how long to wait for an upstream's answer (then 504)
 */
@ConfigurationProperties("flashdeal.gateway")
public record GatewayProperties(
    Upstreams upstreams,
    @DefaultValue("1s") Duration connectTimeout,
    @DefaultValue("5s") Duration responseTimeout) {

  public record Upstreams(URI auth, URI product, URI order) {}
}
