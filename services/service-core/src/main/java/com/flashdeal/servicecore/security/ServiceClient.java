package com.flashdeal.servicecore.security;

import java.net.URI;
import java.time.Duration;

/**
 * This service's identity towards the others, as each stack's configuration binds it ({@code
 * flashdeal.service-client.*}).
 *
 * @param clientId the client id auth-service knows this service by
 * @param clientSecret its secret, created at deploy time ({@code FLASHDEAL_SERVICE_CLIENT_SECRET};
 *     the launcher keeps it in {@code .flashdeal/service-clients.properties}, the cluster in the
 *     {@code flashdeal-service-clients} Secret)
 * @param tokenUri auth-service's {@code /internal/service-tokens}
 * @param timeout connect and answer timeout of the token request (2 s when not set)
 */
public record ServiceClient(String clientId, String clientSecret, URI tokenUri, Duration timeout) {
  public ServiceClient {
    if (timeout == null) {
      timeout = Duration.ofSeconds(2);
    }
  }

  public boolean configured() {
    return clientId != null
        && !clientId.isBlank()
        && clientSecret != null
        && !clientSecret.isBlank()
        && tokenUri != null;
  }
}
