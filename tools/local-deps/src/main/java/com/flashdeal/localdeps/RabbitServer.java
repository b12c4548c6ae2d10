package com.flashdeal.localdeps;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The private RabbitMQ (Phase 5): the system's {@code rabbitmq-server} (Debian's package) run as a
 * node of our own — its own name, ports, epmd, data and config under the deps folder — so it never
 * meets a system broker. Only variants with a message broker need it, so it is started on demand
 * ({@link LocalDeps#rabbitUp()}), never by the plain {@code up()}.
 *
 * <p>The service user and virtual host come from {@code default_user}/{@code default_vhost} in the
 * node's config: they are created on the node's first boot, without rabbitmqctl (each call of which
 * costs a second of Erlang start-up).
 */
final class RabbitServer {
  static final String USER = "flashdeal";
  static final String VHOST = "flashdeal";
  static final Path SYSTEM_SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");

  private final DepsSettings settings;
  private final Env env;
  private final Path dir;
  private final Path pidFile;
  private final Path log;

  RabbitServer(DepsSettings settings, Env env) {
    this.settings = settings;
    this.env = env;
    this.dir = settings.rabbitDir();
    this.pidFile = dir.resolve("rabbitmq.pid");
    this.log = dir.resolve("console.log");
  }

  String password() {
    return env.get("FLASHDEAL_RABBITMQ_PASSWORD", "flashdeal-local-rabbitmq");
  }

  /** The broker's URI as services take it ({@code FLASHDEAL_RABBITMQ_URL}). */
  String uri() {
    return "amqp://"
        + USER
        + ":"
        + password()
        + "@"
        + settings.host()
        + ":"
        + settings.rabbitPort()
        + "/"
        + VHOST;
  }

  ServerStatus status() {
    boolean running = ourPid().isPresent() && Ports.inUse(settings.host(), settings.rabbitPort());
    return new ServerStatus(
        "rabbitmq",
        running,
        settings.rabbitPort(),
        running ? "system rabbitmq-server" : "not started (only Phase 5 variants need it)");
  }

  Path serverBinary() {
    Path server = Path.of(env.get("FLASHDEAL_RABBITMQ_SERVER", SYSTEM_SERVER.toString()));
    if (!Files.isExecutable(server)) {
      throw new DepsException(
          "RabbitMQ is needed (a Phase 5 variant) but "
              + server
              + " is not installed. Install Debian's package (apt-get install rabbitmq-server; .ci/run"
              + " does this in CI) or point FLASHDEAL_RABBITMQ_SERVER at a rabbitmq-server script.");
    }
    return server;
  }

  String start() {
    if (ourPid().isPresent() && Ports.inUse(settings.host(), settings.rabbitPort())) {
      return "already running";
    }
    stop(); // a half-started node (pid alive, no listener) is not worth waiting for
    for (int port = settings.rabbitPort(); port <= settings.rabbitPort() + 2; port++) {
      if (Ports.inUse(settings.host(), port)) {
        throw new DepsException(
            "port "
                + port
                + " is taken by another program; RabbitMQ needs "
                + settings.rabbitPort()
                + "-"
                + (settings.rabbitPort() + 2)
                + " (choose others with FLASHDEAL_RABBITMQ_PORT)");
      }
    }
    Path server = serverBinary();
    try {
      Files.createDirectories(dir.resolve("mnesia"));
      Files.createDirectories(dir.resolve("log"));
      Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
      Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
      Files.writeString(
          dir.resolve("rabbitmq.conf"),
          String.join(
              "\n",
              "listeners.tcp.default = " + settings.host() + ":" + settings.rabbitPort(),
              "default_user = " + USER,
              "default_pass = " + password(),
              "default_vhost = " + VHOST,
              "default_permissions.configure = .*",
              "default_permissions.read = .*",
              "default_permissions.write = .*",
              "loopback_users = none",
              // A laptop's disk is often under the 50 MB default alarm's comfort; a flash sale's
              // queues
              // are small. Memory is left at its default watermark (40 % of RAM).
              "disk_free_limit.absolute = 100MB",
              "log.console = false",
              "log.file.level = warning",
              ""));
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new DepsException("cannot prepare " + dir + ": " + e.getMessage(), e);
    }
    ProcessBuilder builder =
        new ProcessBuilder(List.of("setsid", server.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(nodeEnvironment());
    try {
      builder.start();
    } catch (IOException e) {
      throw new DepsException("cannot start " + server + ": " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      // The AMQP listener opens last in the node's boot, after the default user and vhost exist.
      if (ourPid().isPresent() && Ports.inUse(settings.host(), settings.rabbitPort())) {
        return "started (" + server + ")";
      }
      sleep(200);
    }
    String tail = Processes.tail(log, 20);
    stop();
    throw new DepsException(
        "RabbitMQ did not open port "
            + settings.rabbitPort()
            + " within 60 s; last lines of "
            + log
            + ":\n"
            + Processes.indent(tail));
  }

  /** The node's private settings: nothing of the system's /etc/rabbitmq or epmd is used. */
  Map<String, String> nodeEnvironment() {
    return Map.ofEntries(
        Map.entry("RABBITMQ_NODENAME", "flashdeal@localhost"),
        Map.entry("RABBITMQ_NODE_IP_ADDRESS", settings.host()),
        Map.entry("RABBITMQ_NODE_PORT", Integer.toString(settings.rabbitPort())),
        Map.entry("RABBITMQ_DIST_PORT", Integer.toString(settings.rabbitPort() + 1)),
        Map.entry("ERL_EPMD_PORT", Integer.toString(settings.rabbitPort() + 2)),
        Map.entry("ERL_EPMD_ADDRESS", settings.host()),
        Map.entry("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString()),
        Map.entry("RABBITMQ_LOG_BASE", dir.resolve("log").toString()),
        Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString()),
        Map.entry("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString()),
        Map.entry("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString()),
        Map.entry("RABBITMQ_PID_FILE", pidFile.toString()),
        Map.entry("HOME", dir.toString()),
        // A node that fails to start writes its crash dump here, not into the caller's directory.
        Map.entry("ERL_CRASH_DUMP", dir.resolve("log").resolve("erl_crash.dump").toString()),
        // Erlang's schedulers spin while idle by default; on a shared 2-core machine that CPU is
        // the services' and the load generator's.
        Map.entry(
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "+sbwt none +sbwtdcpu none +sbwtdio none"));
  }

  /**
   * Stops the node: SIGTERM to the Erlang VM (a clean shutdown; {@code rabbitmqctl stop} was seen
   * not to return here), then its private epmd.
   */
  void stop() {
    ourPid()
        .ifPresent(
            p -> {
              p.destroy();
              long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
              while (p.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
              }
              if (p.isAlive()) {
                p.destroyForcibly();
              }
            });
    // The private epmd outlives the node and holds our third port. It is told its port by
    // ERL_EPMD_PORT in its environment, not on its command line.
    String marker = "\nERL_EPMD_PORT=" + (settings.rabbitPort() + 2) + "\n";
    ProcessHandle.allProcesses()
        .filter(p -> p.info().command().orElse("").endsWith("/epmd"))
        .filter(p -> environOf(p).contains(marker))
        .forEach(ProcessHandle::destroy);
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // re-checked against the process table anyway
    }
  }

  private static String environOf(ProcessHandle p) {
    try {
      return "\n"
          + Files.readString(Path.of("/proc", Long.toString(p.pid()), "environ"))
              .replace('\0', '\n');
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  Optional<ProcessHandle> ourPid() {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
