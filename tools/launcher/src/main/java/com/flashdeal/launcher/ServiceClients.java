package com.flashdeal.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The services' client-credentials secrets for their service tokens (auth-service's {@code
 * /internal/service-tokens}): 256 random bits each, kept in a file only the owner can read; and the
 * {@code client-id:sha256} list auth-service is configured with.
 */
public final class ServiceClients {
  /** The services that call another service's internal API as themselves. */
  public static final List<String> CALLERS = List.of("order-service", "product-service");

  private static final SecureRandom RANDOM = new SecureRandom();

  private ServiceClients() {}

  /** The secrets in {@code file}, adding (and saving) one for every caller that has none yet. */
  static Map<String, String> load(Path file, List<String> callers) throws IOException {
    Properties stored = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        stored.load(in);
      }
    }
    boolean changed = false;
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String caller : callers) {
      String secret = stored.getProperty(caller);
      if (secret == null || secret.isBlank()) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        secret = HexFormat.of().formatHex(bytes);
        stored.setProperty(caller, secret);
        changed = true;
      }
      secrets.put(caller, secret);
    }
    if (changed) {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        stored.store(out, "service client secrets (created by the launcher; never commit)");
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return secrets;
  }

  /** {@code FLASHDEAL_AUTH_SERVICE_CLIENTS}: {@code client-id:sha256-hex}, comma separated. */
  public static String hashes(Map<String, String> secrets) {
    return secrets.entrySet().stream()
        .map(e -> e.getKey() + ":" + sha256(e.getValue()))
        .collect(Collectors.joining(","));
  }

  static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
