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
 */
@ConfigurationProperties("flashdeal.auth")
public record AuthProperties(
    @DefaultValue("flashdeal-auth") String issuer,
    @DefaultValue("flashdeal") String audience,
    @DefaultValue("15m") Duration tokenTtl,
    @DefaultValue Jwt jwt,
    @DefaultValue Password password,
    @DefaultValue Admin admin) {

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
