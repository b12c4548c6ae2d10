package com.flashdeal.localdeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The fallback for machines without PostgreSQL or Redis installed: the binaries shipped in Maven
 * artifacts, forced with {@code FLASHDEAL_DEPS_PROVIDER=embedded}, on ports of their own so the
 * developer's deps are untouched.
 */
class EmbeddedDepsIT {

  private static final int PG_PORT = 55442;
  private static final int REDIS_PORT = 56389;
  private static Path base;
  private static LocalDeps deps;

  @BeforeAll
  static void settings() throws IOException {
    // Not @TempDir: that folder is private to us, and as root the server runs as another user who
    // must enter it.
    base = Files.createTempDirectory("flashdeal-embedded-it-");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env =
        Map.of(
            "FLASHDEAL_DEPS_DIR", base.toString(),
            "FLASHDEAL_DEPS_PROVIDER", "embedded",
            "FLASHDEAL_PG_PORT", Integer.toString(PG_PORT),
            "FLASHDEAL_REDIS_PORT", Integer.toString(REDIS_PORT));
    deps = new LocalDeps(DepsSettings.from(Env.of(env)), Env.of(env));
  }

  @AfterAll
  static void cleanUp() {
    deps.clean();
    Binaries.deleteTree(base);
  }

  @Test
  void embeddedServersStartServeAndStopLeavingNothingRunning() throws Exception {
    assertThat(deps.up())
        .anyMatch(l -> l.contains("embedded PostgreSQL"))
        .anyMatch(l -> l.contains("embedded Redis"));

    ServiceDatabase product = deps.settings().database("product");
    try (Connection c =
            DriverManager.getConnection(
                product.jdbcUrl("127.0.0.1", PG_PORT), product.role(), product.password());
        ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("flashdeal_product");
    }
    try (RedisClient redis = RedisClient.create("127.0.0.1", REDIS_PORT)) {
      assertThat(redis.ping()).isEqualTo("PONG");
    }

    deps.down();
    assertThat(Ports.inUse("127.0.0.1", PG_PORT)).as("postgres port closed").isFalse();
    assertThat(Ports.inUse("127.0.0.1", REDIS_PORT)).as("redis port closed").isFalse();
    assertThat(deps.status()).noneMatch(ServerStatus::running);

    deps.down(); // stopping what is stopped is fine
  }

  @Test
  void aPortTakenByAnotherProgramFailsClearlyAndLeavesNothingHalfStarted() throws Exception {
    try (ServerSocket squatter =
        new ServerSocket(REDIS_PORT, 1, InetAddress.getLoopbackAddress())) {
      assertThat(squatter.isBound()).isTrue();
      assertThatThrownBy(deps::up)
          .isInstanceOf(DepsException.class)
          .hasMessageContaining("port " + REDIS_PORT + " is taken by another program")
          .hasMessageContaining("FLASHDEAL_REDIS_PORT");
    }
    assertThat(Ports.inUse("127.0.0.1", PG_PORT))
        .as("postgres stopped again after the failed up")
        .isFalse();
  }
}
