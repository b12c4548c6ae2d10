package com.flashdeal.localdeps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The private PostgreSQL: a data folder under the deps folder, started with {@code pg_ctl} on
 * loopback only. The binaries a cluster was created with are recorded beside it, so stop and
 * restart always use the same ones.
 */
final class PostgresServer {
  private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(90);

  private final DepsSettings settings;
  private final Env env;
  private final Path dir;
  private final Path data;
  private final Path log;
  private final Path binRecord;
  private RunAs runAs;

  PostgresServer(DepsSettings settings, Env env) {
    this.settings = settings;
    this.env = env;
    this.dir = settings.postgresDir();
    this.data = dir.resolve("data");
    this.log = dir.resolve("postgres.log");
    this.binRecord = settings.baseDir().resolve("postgres.bin");
  }

  boolean initialised() {
    return Files.exists(data.resolve("PG_VERSION"));
  }

  ServerStatus status() {
    if (!initialised()) {
      return new ServerStatus("postgres", false, settings.postgresPort(), "not initialised");
    }
    Binaries.Located bins = recordedBinaries();
    boolean running = isRunning(bins);
    return new ServerStatus(
        "postgres", running, settings.postgresPort(), bins.origin() + ", data " + data);
  }

  /**
   * Starts the server if needed and (re)applies the per-service databases and roles. Returns what
   * it did.
   */
  String start() {
    RunAs runAs = runAs();
    Binaries.Located bins =
        initialised()
            ? recordedBinaries()
            : Binaries.postgres(settings.provider(), env, settings.distDir());
    String did;
    if (initialised() && isRunning(bins)) {
      did = "already running";
    } else {
      if (Ports.inUse(settings.host(), settings.postgresPort())) {
        throw new DepsException(
            "port "
                + settings.postgresPort()
                + " is taken by another program; stop it or choose another port with FLASHDEAL_PG_PORT");
      }
      if (!initialised()) {
        initialise(bins, runAs);
      }
      launch(bins, runAs);
      did = "started";
    }
    bootstrap();
    return did + " (" + bins.origin() + ")";
  }

  void stop() {
    if (!initialised()) {
      return;
    }
    Binaries.Located bins = recordedBinaries();
    if (!isRunning(bins)) {
      return;
    }
    Processes.runOrFail(
        runAs()
            .wrap(
                List.of(
                    bins.path().resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-m",
                    "fast",
                    "-w",
                    "-t",
                    "60",
                    "stop")),
        PG_CTL_TIMEOUT,
        "pg_ctl stop");
  }

  private boolean isRunning(Binaries.Located bins) {
    // pg_ctl status: 0 running, 3 not running, 4 no accessible data folder.
    // pg_ctl refuses to run as root even for "status", hence the wrap.
    return Processes.run(
            runAs()
                .wrap(
                    List.of(
                        bins.path().resolve("pg_ctl").toString(), "status", "-D", data.toString())),
            Duration.ofSeconds(15))
        .ok();
  }

  /**
   * Who runs PostgreSQL, detected once per server: detection spawns `id` and `runuser`, and start,
   * stop and every status check need the answer.
   */
  private synchronized RunAs runAs() {
    if (runAs == null) {
      runAs = RunAs.detect(settings.runAsUser());
    }
    return runAs;
  }

  private Binaries.Located recordedBinaries() {
    try {
      List<String> lines = Files.readAllLines(binRecord, StandardCharsets.UTF_8);
      Path bin = Path.of(lines.get(0));
      if (!Binaries.isPostgresBinDir(bin)) {
        throw new DepsException(
            "the PostgreSQL binaries this cluster was created with are gone ("
                + bin
                + "). Run `make deps-clean` to start over with a fresh cluster.");
      }
      return new Binaries.Located(bin, lines.size() > 1 ? lines.get(1) : bin.toString());
    } catch (IOException | IndexOutOfBoundsException e) {
      throw new DepsException(
          "cluster at "
              + data
              + " has no record of its binaries; run `make deps-clean` to start over",
          e);
    }
  }

  private void initialise(Binaries.Located bins, RunAs runAs) {
    try {
      Binaries.deleteTree(dir);
      Files.createDirectories(dir);
      Files.createDirectories(dir.resolve("run"));
      Path pwfile = dir.resolve("pwfile");
      Files.writeString(pwfile, settings.superuserPassword() + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
      runAs.own(dir);
      try {
        Processes.runOrFail(
            runAs.wrap(
                List.of(
                    bins.path().resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    settings.superuser(),
                    "--pwfile=" + pwfile,
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--no-locale",
                    "--no-instructions")),
            Duration.ofMinutes(3),
            "initdb");
      } finally {
        Files.deleteIfExists(pwfile);
      }
      Files.writeString(
          binRecord, bins.path() + "\n" + bins.origin() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DepsException("cannot prepare " + dir + ": " + e.getMessage(), e);
    }
  }

  private void launch(Binaries.Located bins, RunAs runAs) {
    // Loopback only; the socket lives in our folder so no system folder (/var/run/postgresql) is
    // needed.
    String options =
        "-p "
            + settings.postgresPort()
            + " -c listen_addresses="
            + settings.host()
            + " -c unix_socket_directories="
            + dir.resolve("run")
            + " -c max_connections="
            + env.get("FLASHDEAL_PG_MAX_CONNECTIONS", "200");
    Processes.Result result =
        Processes.run(
            runAs.wrap(
                List.of(
                    bins.path().resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-l",
                    log.toString(),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start")),
            PG_CTL_TIMEOUT);
    if (!result.ok()) {
      throw new DepsException(
          "PostgreSQL did not start:\n"
              + Processes.indent(result.output())
              + "\nlast lines of "
              + log
              + ":\n"
              + Processes.indent(Processes.tail(log, 20)));
    }
  }

  private void bootstrap() {
    Properties props = new Properties();
    props.setProperty("user", settings.superuser());
    props.setProperty("password", settings.superuserPassword());
    props.setProperty("connectTimeout", "10");
    try (Connection c = DriverManager.getConnection(settings.superuserJdbcUrl(), props);
        Statement st = c.createStatement()) {
      List<String> sql = new ArrayList<>();
      for (ServiceDatabase db : settings.databases()) {
        sql.addAll(Bootstrap.roleAndDatabase(db, databaseExists(c, db.database())));
      }
      sql.addAll(Bootstrap.lockDownMaintenanceDatabase());
      for (String statement : sql) {
        st.execute(statement);
      }
    } catch (SQLException e) {
      throw new DepsException(
          "cannot set up the service databases on "
              + settings.superuserJdbcUrl()
              + ": "
              + e.getMessage()
              + (e.getSQLState() != null && e.getSQLState().startsWith("28")
                  ? " (a server from an older deps folder with another superuser password? run `make deps-clean`)"
                  : ""),
          e);
    }
  }

  private static boolean databaseExists(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * The live postmaster from its pid file (its first line), if any; a stale file counts as none.
   */
  Optional<ProcessHandle> postmaster() {
    try {
      long pid =
          Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
