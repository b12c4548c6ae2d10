package com.flashdeal.localdeps;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code deps-up} needs to know, from environment variables with defaults that never
 * clash with a system install (PostgreSQL 5432, Redis 6379).
 *
 * @param baseDir where data, logs and extracted binaries live ({@code FLASHDEAL_DEPS_DIR})
 * @param host the loopback address every server binds to
 * @param postgresPort {@code FLASHDEAL_PG_PORT}, default 55432
 * @param redisPort {@code FLASHDEAL_REDIS_PORT}, default 56379
 * @param rabbitPort {@code FLASHDEAL_RABBITMQ_PORT}, default 55673 (AMQP); the node's distribution
 *     port and its private epmd take the next two
 * @param provider {@code FLASHDEAL_DEPS_PROVIDER}: auto, system or embedded
 * @param superuser the bootstrap superuser; only the tooling uses it, never a service
 * @param superuserPassword {@code FLASHDEAL_PG_SUPERUSER_PASSWORD}
 * @param runAsUser who runs PostgreSQL when we are root (initdb refuses root): {@code
 *     FLASHDEAL_DEPS_RUN_AS}
 * @param databases one per data-owning service
 */
public record DepsSettings(
    Path baseDir,
    String host,
    int postgresPort,
    int redisPort,
    int rabbitPort,
    Provider provider,
    String superuser,
    String superuserPassword,
    String runAsUser,
    List<ServiceDatabase> databases) {

  public static final int DEFAULT_PG_PORT = 55432;
  public static final int DEFAULT_REDIS_PORT = 56379;
  public static final int DEFAULT_RABBITMQ_PORT = 55673;

  public DepsSettings {
    databases = List.copyOf(databases);
    if (postgresPort == redisPort) {
      throw new DepsException("PostgreSQL and Redis cannot share port " + postgresPort);
    }
    for (int port : new int[] {postgresPort, redisPort}) {
      if (port >= rabbitPort && port <= rabbitPort + 2) {
        throw new DepsException(
            "RabbitMQ takes ports "
                + rabbitPort
                + "-"
                + (rabbitPort + 2)
                + " (AMQP, distribution, epmd); port "
                + port
                + " is already PostgreSQL's or Redis's");
      }
    }
  }

  public static DepsSettings fromEnvironment() {
    return from(Env.system());
  }

  static DepsSettings from(Env env) {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
    Path defaultBase = Path.of(System.getProperty("java.io.tmpdir"), "flashdeal-deps-" + user);
    return new DepsSettings(
        Path.of(env.get("FLASHDEAL_DEPS_DIR", defaultBase.toString())).toAbsolutePath().normalize(),
        "127.0.0.1",
        env.getInt("FLASHDEAL_PG_PORT", DEFAULT_PG_PORT),
        env.getInt("FLASHDEAL_REDIS_PORT", DEFAULT_REDIS_PORT),
        env.getInt("FLASHDEAL_RABBITMQ_PORT", DEFAULT_RABBITMQ_PORT),
        Provider.parse(env.get("FLASHDEAL_DEPS_PROVIDER", "auto")),
        "flashdeal",
        env.get("FLASHDEAL_PG_SUPERUSER_PASSWORD", "flashdeal-local-superuser"),
        env.get("FLASHDEAL_DEPS_RUN_AS", "postgres"),
        ServiceDatabase.SERVICES.stream().map(s -> ServiceDatabase.of(s, env)).toList());
  }

  public String superuserJdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + postgresPort + "/postgres";
  }

  public ServiceDatabase database(String service) {
    return databases.stream()
        .filter(d -> d.service().equals(service))
        .findFirst()
        .orElseThrow(() -> new DepsException("no database for service '" + service + "'"));
  }

  Path postgresDir() {
    return baseDir.resolve("postgres");
  }

  Path redisDir() {
    return baseDir.resolve("redis");
  }

  Path rabbitDir() {
    return baseDir.resolve("rabbitmq");
  }

  Path distDir() {
    return baseDir.resolve("dist");
  }
}
