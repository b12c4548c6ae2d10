package com.flashdeal.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.auth.*}.
 *
 * @param issuer {@code iss} of issued tokens
 * @param audience {@code aud} of issued tokens
 * @param tokenTtl access token lifetime
 * @param jwt signing keys
 * @param password hashing cost
 * @param admin the bootstrapped admin account (the harness needs one to create products and deals)
 * @param serviceClients the services that may get a service token: {@code client-id:sha256-hex}
 *     pairs, comma separated ({@code FLASHDEAL_AUTH_SERVICE_CLIENTS}); only the secrets' hashes,
 *     never the secrets
 * @param serviceTokenTtl service token lifetime (callers renew at 80 %)
 */
@ConfigurationProperties("flashdeal.auth")
public record AuthProperties(
    @DefaultValue("flashdeal-auth") String issuer,
    @DefaultValue("flashdeal") String audience,
    @DefaultValue("15m") Duration tokenTtl,
    @DefaultValue Jwt jwt,
    @DefaultValue Password password,
    @DefaultValue Admin admin,
    @DefaultValue("") String serviceClients,
    @DefaultValue("5m") Duration serviceTokenTtl) {

  /** The configured client ids and the SHA-256 (lower-case hex) of their secrets. */
  public java.util.Map<String, String> serviceClientHashes() {
    java.util.Map<String, String> clients = new java.util.LinkedHashMap<>();
    for (String pair : serviceClients.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int colon = pair.indexOf(':');
      if (colon < 1 || !pair.substring(colon + 1).trim().matches("[0-9a-f]{64}")) {
        throw new IllegalStateException(
            "flashdeal.auth.service-clients must be client-id:sha256-hex pairs, not \""
                + pair
                + "\"");
      }
      clients.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
    }
    return java.util.Map.copyOf(clients);
  }

  /**
   * @param privateKey PKCS#8 PEM of the RSA signing key
   * @param privateKeyFile the same, from a file (a mounted secret)
   * @param previousPublicKeyFiles X.509 PEM public keys of rotated-out signing keys, still
   *     published for verification
   */
  public record Jwt(
      String privateKey, Path privateKeyFile, @DefaultValue List<Path> previousPublicKeyFiles) {}

  /**
   * @param argon2MemoryKib Argon2id memory cost (OWASP minimum: 19 MiB)
   * @param argon2Iterations Argon2id time cost
   * @param maxConcurrentHashes hashes computed at once; the rest queue, so a login burst cannot
   *     exhaust memory
   */
  public record Password(
      @DefaultValue("19456") int argon2MemoryKib,
      @DefaultValue("2") int argon2Iterations,
      @DefaultValue("4") int maxConcurrentHashes) {}

  public record Admin(String email, String password) {
    public boolean configured() {
      return email != null && !email.isBlank() && password != null && !password.isBlank();
    }
  }
}
