package com.flashdeal.servicedefaults.security;

import com.flashdeal.servicecore.security.ServiceClient;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.service-client.*}: this service's identity towards the others (see {@link
 * ServiceClient}); the client id defaults to {@code spring.application.name}.
 */
@ConfigurationProperties("flashdeal.service-client")
public record ServiceClientProperties(
    String clientId, String clientSecret, URI tokenUri, @DefaultValue("2s") Duration timeout) {

  public ServiceClient client() {
    return new ServiceClient(clientId, clientSecret, tokenUri, timeout);
  }
}
