package com.flashdeal.localdeps;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code make deps-up}, {@code deps-down}, {@code deps-status}, {@code deps-env}, {@code
 * deps-clean}.
 */
@Command(
    name = "local-deps",
    mixinStandardHelpOptions = true,
    description = {
      "The project's private PostgreSQL and Redis (and, for Phase 5, RabbitMQ) on loopback.",
      "Settings (environment): FLASHDEAL_PG_PORT (55432), FLASHDEAL_REDIS_PORT (56379),",
      "FLASHDEAL_RABBITMQ_PORT (55673, and the next two), FLASHDEAL_DEPS_DIR,",
      "FLASHDEAL_DEPS_PROVIDER (auto|system|embedded), FLASHDEAL_PG_BIN, FLASHDEAL_REDIS_SERVER, FLASHDEAL_DEPS_RUN_AS."
    },
    subcommands = {
      LocalDepsCli.Up.class,
      LocalDepsCli.Down.class,
      LocalDepsCli.Status.class,
      LocalDepsCli.Env.class,
      LocalDepsCli.Clean.class
    })
public final class LocalDepsCli {

  public static void main(String[] args) {
    CommandLine cli =
        new CommandLine(new LocalDepsCli())
            .setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                  if (e instanceof DepsException) {
                    commandLine.getErr().println("local-deps: " + e.getMessage());
                    return 1;
                  }
                  throw e;
                });
    System.exit(cli.execute(args));
  }

  @Command(
      name = "up",
      description = "Start PostgreSQL and Redis if they are not running (idempotent).")
  static final class Up implements Callable<Integer> {
    @CommandLine.Option(
        names = "--rabbitmq",
        description = "Start RabbitMQ too (Phase 5 variants need it).")
    boolean rabbitmq;

    @Override
    public Integer call() {
      LocalDeps deps = LocalDeps.fromEnvironment();
      deps.up().forEach(System.out::println);
      if (rabbitmq) {
        System.out.println(deps.rabbitUp());
      }
      System.out.println("deps folder: " + deps.settings().baseDir());
      return 0;
    }
  }

  @Command(name = "down", description = "Stop every server; data is kept.")
  static final class Down implements Callable<Integer> {
    @Override
    public Integer call() {
      LocalDeps deps = LocalDeps.fromEnvironment();
      deps.down();
      deps.status().forEach(System.out::println);
      return 0;
    }
  }

  @Command(name = "status", description = "Show what is running. Exit 3 if something is stopped.")
  static final class Status implements Callable<Integer> {
    @Override
    public Integer call() {
      var status = LocalDeps.fromEnvironment().status();
      status.forEach(System.out::println);
      // RabbitMQ runs only on demand (Phase 5), so a stopped broker is not a failure.
      return status.stream()
              .filter(s -> !s.name().equals("rabbitmq"))
              .allMatch(ServerStatus::running)
          ? 0
          : 3;
    }
  }

  @Command(name = "env", description = "Print `export` lines for the connection settings.")
  static final class Env implements Callable<Integer> {
    @Override
    public Integer call() {
      for (Map.Entry<String, String> e : LocalDeps.fromEnvironment().environment().entrySet()) {
        System.out.println(
            "export " + e.getKey() + "='" + e.getValue().replace("'", "'\\''") + "'");
      }
      return 0;
    }
  }

  @Command(name = "clean", description = "Stop every server and delete their data.")
  static final class Clean implements Callable<Integer> {
    @Override
    public Integer call() {
      LocalDeps deps = LocalDeps.fromEnvironment();
      deps.clean();
      System.out.println("removed data under " + deps.settings().baseDir());
      return 0;
    }
  }
}
