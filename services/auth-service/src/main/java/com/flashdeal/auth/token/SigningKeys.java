package com.flashdeal.auth.token;

import com.flashdeal.auth.AuthProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs tokens, plus rotated-out public keys still published for verification. Key
 * ids are derived from the public key (a SHA-256 thumbprint prefix), so the same key always has the
 * same {@code kid} on every replica and after restarts, and a new key gets a new one.
 */
@Component
public class SigningKeys {
  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private final PrivateKey signingKey;
  private final String signingKeyId;
  private final Map<String, RSAPublicKey> publicKeys;
  private final boolean generated;

  SigningKeys(AuthProperties properties) {
    AuthProperties.Jwt jwt = properties.jwt();
    String pem = readPem(jwt);
    RSAPrivateCrtKey privateKey;
    if (pem == null) {
      privateKey = generate();
      generated = true;
      log.warn(
          "\n**********************************************************************************************\n"
              + "*  NO JWT SIGNING KEY CONFIGURED: using a throw-away RSA key generated at start-up.          *\n"
              + "*  Tokens die with this process and other replicas cannot verify them. Fine for a laptop;     *\n"
              + "*  anywhere else set FLASHDEAL_AUTH_JWT_PRIVATE_KEY or FLASHDEAL_AUTH_JWT_PRIVATE_KEY_FILE.    *\n"
              + "**********************************************************************************************");
    } else {
      privateKey = parsePrivate(pem);
      generated = false;
    }
    RSAPublicKey current = publicOf(privateKey);
    this.signingKey = privateKey;
    this.signingKeyId = keyId(current);
    Map<String, RSAPublicKey> keys = new LinkedHashMap<>();
    keys.put(signingKeyId, current);
    for (Path file : jwt.previousPublicKeyFiles()) {
      RSAPublicKey previous = parsePublic(read(file));
      keys.putIfAbsent(keyId(previous), previous);
    }
    this.publicKeys = Map.copyOf(keys);
    log.info(
        "signing tokens with key {} ({}); publishing {}",
        signingKeyId,
        generated ? "generated" : "configured",
        keys.keySet());
  }

  public PrivateKey signingKey() {
    return signingKey;
  }

  public String signingKeyId() {
    return signingKeyId;
  }

  public Map<String, RSAPublicKey> publicKeys() {
    return publicKeys;
  }

  public boolean generated() {
    return generated;
  }

  static String keyId(RSAPublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return "rsa-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readPem(AuthProperties.Jwt jwt) {
    if (jwt.privateKey() != null && !jwt.privateKey().isBlank()) {
      return jwt.privateKey();
    }
    if (jwt.privateKeyFile() != null && !jwt.privateKeyFile().toString().isBlank()) {
      return read(jwt.privateKeyFile());
    }
    return null;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] der(String pem, String type) {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < 0) {
      throw new IllegalStateException(
          "expected a PEM block '" + begin + "' (PKCS#8 for private keys)");
    }
    return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
  }

  static RSAPrivateCrtKey parsePrivate(String pem) {
    try {
      return (RSAPrivateCrtKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException(
          "the JWT private key is not an RSA PKCS#8 key: " + e.getMessage(), e);
    }
  }

  static RSAPublicKey parsePublic(String pem) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException(
          "a previous JWT public key is not an RSA X.509 key: " + e.getMessage(), e);
    }
  }

  private static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAPrivateCrtKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
