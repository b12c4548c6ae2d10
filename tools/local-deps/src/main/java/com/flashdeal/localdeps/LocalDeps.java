package com.flashdeal.localdeps;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The project's private PostgreSQL and Redis. {@link #up()} is idempotent and safe to call from
 * several processes at once (tests in parallel, the harness and a developer's shell): a file lock
 * serialises them.
 */
public final class LocalDeps {
  private final DepsSettings settings;
  private final PostgresServer postgres;
  private final RedisServer redis;
  private final RabbitServer rabbit;

  public LocalDeps(DepsSettings settings, Env env) {
    this.settings = settings;
    this.postgres = new PostgresServer(settings, env);
    this.redis = new RedisServer(settings, env);
    this.rabbit = new RabbitServer(settings, env);
  }

  public static LocalDeps fromEnvironment() {
    return new LocalDeps(DepsSettings.fromEnvironment(), Env.system());
  }

  private static LocalDeps shared;

  /**
   * For integration tests: the deps from the environment, started once per JVM (and left running
   * for the next).
   */
  public static synchronized LocalDeps ensureUp() {
    if (shared == null) {
      LocalDeps deps = fromEnvironment();
      deps.up();
      shared = deps;
    }
    return shared;
  }

  public DepsSettings settings() {
    return settings;
  }

  /** Starts whatever is not running; returns one line per server saying what happened. */
  public List<String> up() {
    return locked(
        () -> {
          String pg = postgres.start();
          String rd;
          try {
            rd = redis.start();
          } catch (RuntimeException e) {
            // All or nothing: a half-started set of deps would only confuse the next run.
            postgres.stop();
            throw e;
          }
          return List.of("postgres " + pg, "redis    " + rd);
        });
  }

  /**
   * Starts the private RabbitMQ if it is not running (Phase 5 variants; about 10 s the first time).
   *
   * @throws DepsException with what to install when there is no RabbitMQ on this machine
   */
  public String rabbitUp() {
    return locked(() -> "rabbitmq " + rabbit.start());
  }

  /**
   * Stops every server; afterwards nothing of ours is running. Data is kept for the next {@link
   * #up()}.
   */
  public void down() {
    locked(
        () -> {
          RuntimeException failure = null;
          try {
            rabbit.stop();
            redis.stop();
          } catch (RuntimeException e) {
            failure = e;
          }
          postgres.stop();
          if (failure != null) {
            throw failure;
          }
          return null;
        });
  }

  /**
   * Stops one server and starts it again, data kept: {@code postgres}, {@code redis} or {@code
   * rabbitmq} (the bench's {@code restart:} faults). Clients see their connections break and must
   * reconnect.
   */
  public void restart(String server) {
    locked(
        () -> {
          switch (server) {
            case "postgres" -> {
              postgres.stop();
              postgres.start();
            }
            case "redis" -> {
              redis.stop();
              redis.start();
            }
            case "rabbitmq" -> {
              rabbit.stop();
              rabbit.start();
            }
            default -> throw new DepsException("no server named " + server);
          }
          return null;
        });
  }

  /** {@link #down()} and delete every file, for a clean start. */
  public void clean() {
    down();
    locked(
        () -> {
          Binaries.deleteTree(settings.postgresDir());
          Binaries.deleteTree(settings.redisDir());
          Binaries.deleteTree(settings.rabbitDir());
          for (String f : List.of("postgres.bin", "redis.bin")) {
            try {
              Files.deleteIfExists(settings.baseDir().resolve(f));
            } catch (IOException e) {
              throw new DepsException("cannot delete " + f + ": " + e.getMessage(), e);
            }
          }
          return null;
        });
  }

  public List<ServerStatus> status() {
    return List.of(postgres.status(), redis.status(), rabbit.status());
  }

  /**
   * The live server processes by name ({@code postgresql}: the postmaster, whose backends are its
   * children; {@code redis}), from their pid files, so the harness can attribute their CPU.
   */
  public Map<String, Long> serverPids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    postgres.postmaster().ifPresent(p -> pids.put("postgresql", p.pid()));
    redis.ourPid().ifPresent(p -> pids.put("redis", p.pid()));
    rabbit.ourPid().ifPresent(p -> pids.put("rabbitmq", p.pid()));
    return pids;
  }

  /**
   * What services, tests and the harness need to reach the deps, as environment variables. One
   * naming rule, so the launcher and the Helm values can mirror it: {@code
   * FLASHDEAL_<SERVICE>_DB_URL/USER/PASSWORD}.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLASHDEAL_PG_HOST", settings.host());
    env.put("FLASHDEAL_PG_PORT", Integer.toString(settings.postgresPort()));
    env.put("FLASHDEAL_REDIS_HOST", settings.host());
    env.put("FLASHDEAL_REDIS_PORT", Integer.toString(settings.redisPort()));
    env.put("FLASHDEAL_REDIS_URL", "redis://" + settings.host() + ":" + settings.redisPort());
    // Set even when the broker is not running: only Phase 5 variants connect to it.
    env.put("FLASHDEAL_RABBITMQ_URL", rabbit.uri());
    for (ServiceDatabase db : settings.databases()) {
      String prefix = "FLASHDEAL_" + db.service().toUpperCase(Locale.ROOT) + "_DB_";
      env.put(prefix + "URL", db.jdbcUrl(settings.host(), settings.postgresPort()));
      env.put(prefix + "USER", db.role());
      env.put(prefix + "PASSWORD", db.password());
    }
    return env;
  }

  private <T> T locked(Supplier<T> action) {
    try {
      Files.createDirectories(settings.baseDir());
      // Readable by the run-as user (postgres) that must traverse it to its own folder.
      Files.setPosixFilePermissions(
          settings.baseDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new DepsException("cannot create " + settings.baseDir() + ": " + e.getMessage(), e);
    }
    Path lockFile = settings.baseDir().resolve(".lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      assert lock.isValid();
      return action.get();
    } catch (IOException e) {
      throw new DepsException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }
}
