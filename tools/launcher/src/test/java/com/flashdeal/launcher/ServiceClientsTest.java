package com.flashdeal.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceClientsTest {

  @Test
  void secretsAreCreatedOnceOwnerReadableAndHashedForAuthService(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("clients.properties");
    Map<String, String> first = ServiceClients.load(file, List.of("order-service"));
    assertThat(first.get("order-service")).matches("[0-9a-f]{64}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    Map<String, String> again =
        ServiceClients.load(file, List.of("order-service", "product-service"));
    assertThat(again.get("order-service")).as("kept").isEqualTo(first.get("order-service"));
    assertThat(again.get("product-service")).isNotEqualTo(again.get("order-service"));

    String hashes = ServiceClients.hashes(again);
    assertThat(hashes)
        .startsWith("order-service:" + ServiceClients.sha256(first.get("order-service")) + ",")
        .doesNotContain(first.get("order-service"));
    // The known vector, so that auth-service's side (MessageDigest on UTF-8) cannot drift.
    assertThat(ServiceClients.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
