package com.flashdeal.auth.token;

import com.flashdeal.servicecore.security.KeySource;
import com.flashdeal.servicecore.security.StaticKeySource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * auth-service verifies tokens (GET /auth/me) with its own public keys instead of fetching its own
 * JWKS.
 */
@Configuration(proxyBeanMethods = false)
class VerificationConfig {
  @Bean
  KeySource keySource(SigningKeys keys) {
    return new StaticKeySource(keys.publicKeys());
  }
}
