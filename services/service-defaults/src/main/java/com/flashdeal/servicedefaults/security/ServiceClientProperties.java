package com.flashdeal.servicedefaults.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.service-client.*}: this service's identity towards the others.
 *
 * @param clientId the client id auth-service knows this service by ({@code
 *     FLASHDEAL_SERVICE_CLIENT_ID}; defaults to {@code spring.application.name})
 * @param clientSecret its secret, created at deploy time ({@code FLASHDEAL_SERVICE_CLIENT_SECRET};
 *     the launcher keeps it in {@code .flashdeal/service-clients.properties}, the cluster in the
 *     {@code flashdeal-service-clients} Secret)
 * @param tokenUri auth-service's {@code /internal/service-tokens}
 * @param timeout connect and answer timeout of the token request
 */
@ConfigurationProperties("flashdeal.service-client")
public record ServiceClientProperties(
    String clientId, String clientSecret, URI tokenUri, @DefaultValue("2s") Duration timeout) {

  public boolean configured() {
    return clientId != null
        && !clientId.isBlank()
        && clientSecret != null
        && !clientSecret.isBlank()
        && tokenUri != null;
  }
}
