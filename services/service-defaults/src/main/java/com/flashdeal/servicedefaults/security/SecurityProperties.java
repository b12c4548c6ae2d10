package com.flashdeal.servicedefaults.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.security.*}: how services and the gateway verify access tokens. Environment
 * overrides follow Spring's relaxed binding, e.g. {@code FLASHDEAL_SECURITY_JWKSURI}, {@code
 * FLASHDEAL_SECURITY_ISSUER}.
 *
 * @param jwksUri auth-service's key set; required unless the application provides its own {@link
 *     com.flashdeal.servicecore.security.KeySource}
 * @param issuer the {@code iss} tokens must carry
 * @param audience the {@code aud} tokens must carry
 * @param clockSkew tolerance for {@code exp}/{@code iat} between machines
 * @param jwksTtl how long a fetched key set is trusted before it is fetched again
 * @param jwksMinRefresh the least time between two fetches triggered by unknown key ids
 * @param publicPaths path patterns that need no token (health probes, the metrics scrape, public
 *     endpoints)
 */
@ConfigurationProperties("flashdeal.security")
public record SecurityProperties(
    URI jwksUri,
    @DefaultValue("flashdeal-auth") String issuer,
    @DefaultValue("flashdeal") String audience,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue("5m") Duration jwksTtl,
    @DefaultValue("10s") Duration jwksMinRefresh,
    @DefaultValue({"/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error"})
        List<String> publicPaths) {}
