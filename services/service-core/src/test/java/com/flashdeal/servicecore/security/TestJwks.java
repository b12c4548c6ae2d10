package com.flashdeal.servicecore.security;

import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/** JWK entries as auth-service publishes them, for the tests of the key sources. */
final class TestJwks {
  private TestJwks() {}

  /** One RSA key as a JWK object: kty, kid, use, n and e (base64url, unsigned big-endian). */
  static String rsa(RSAPublicKey key, String kid, String use) {
    return "{\"kty\":\"RSA\",\"kid\":\"%s\",\"use\":\"%s\",\"n\":\"%s\",\"e\":\"%s\"}"
        .formatted(
            kid,
            use,
            b64(key.getModulus().toByteArray()),
            b64(key.getPublicExponent().toByteArray()));
  }

  private static String b64(byte[] twosComplement) {
    byte[] unsigned =
        twosComplement.length > 1 && twosComplement[0] == 0
            ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
            : twosComplement;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
  }
}
