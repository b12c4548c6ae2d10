package com.flashdeal.localdeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Against the real private servers that {@code make deps-up} gives every developer (started here if
 * they are not running): each service role works in its own database and is refused everywhere
 * else.
 */
class LocalDepsIT {

  private static LocalDeps deps;
  private static DepsSettings settings;

  @BeforeAll
  static void up() {
    deps = LocalDeps.fromEnvironment();
    settings = deps.settings();
    deps.up();
  }

  private static Connection connect(ServiceDatabase as, String database) throws SQLException {
    String url =
        "jdbc:postgresql://" + settings.host() + ":" + settings.postgresPort() + "/" + database;
    return DriverManager.getConnection(url, as.role(), as.password());
  }

  @Test
  void upIsIdempotent() {
    List<String> again = deps.up();
    assertThat(again).allMatch(line -> line.contains("already running"));
    // `up` starts PostgreSQL and Redis; RabbitMQ only on demand (Phase 5), so it may run or not.
    assertThat(deps.status())
        .filteredOn(status -> !status.name().equals("rabbitmq"))
        .hasSize(2)
        .allMatch(ServerStatus::running);
  }

  @Test
  void eachServiceRoleOwnsItsDatabase() throws SQLException {
    for (ServiceDatabase db : settings.databases()) {
      try (Connection c = connect(db, db.database());
          Statement st = c.createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS deps_it_probe (id int PRIMARY KEY, note text)");
        st.execute(
            "INSERT INTO deps_it_probe VALUES (1, 'ok') ON CONFLICT (id) DO UPDATE SET note = 'ok'");
        try (ResultSet rs =
            st.executeQuery("SELECT current_user, current_database(), note FROM deps_it_probe")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(db.role());
          assertThat(rs.getString(2)).isEqualTo(db.database());
          assertThat(rs.getString(3)).isEqualTo("ok");
        }
        st.execute("DROP TABLE deps_it_probe");
      }
    }
  }

  @Test
  void aServiceRoleCannotReachAnotherServicesDatabase() {
    for (ServiceDatabase role : settings.databases()) {
      for (ServiceDatabase other : settings.databases()) {
        if (role.equals(other)) {
          continue;
        }
        assertThatThrownBy(() -> connect(role, other.database()).close())
            .as("%s must not connect to %s", role.role(), other.database())
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied for database \"" + other.database() + "\"");
      }
      assertThatThrownBy(() -> connect(role, "postgres").close())
          .as("%s must not connect to the maintenance database", role.role())
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void aServiceRoleCannotEscalate() throws SQLException {
    ServiceDatabase order = settings.database("order");
    try (Connection c = connect(order, order.database());
        Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.execute("CREATE ROLE sneaky LOGIN"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(
              () -> st.execute("GRANT CONNECT ON DATABASE flashdeal_auth TO order_service"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void postgresListensOnLoopbackOnly() throws SQLException {
    ServiceDatabase auth = settings.database("auth");
    try (Connection c = connect(auth, auth.database());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW listen_addresses")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void redisAnswersOnItsProjectPortOnLoopbackOnly() {
    try (RedisClient redis = RedisClient.create(settings.host(), settings.redisPort())) {
      assertThat(redis.ping()).isEqualTo("PONG");
      redis.set("deps-it:probe", "42");
      assertThat(redis.get("deps-it:probe")).isEqualTo("42");
      redis.del("deps-it:probe");
      assertThat(redis.configGet("bind")).containsEntry("bind", "127.0.0.1");
    }
  }
}
