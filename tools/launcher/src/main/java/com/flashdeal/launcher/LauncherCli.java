package com.flashdeal.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make up [VARIANT=…]}, {@code make down}, {@code make status}, {@code make restart
 * SERVICE=…}.
 */
@Command(
    name = "launcher",
    mixinStandardHelpOptions = true,
    description =
        "Runs the whole Flash Deal system locally as JVM processes on the private PostgreSQL/Redis.",
    subcommands = {
      LauncherCli.Up.class,
      LauncherCli.Down.class,
      LauncherCli.Status.class,
      LauncherCli.Restart.class
    })
public final class LauncherCli {

  public static void main(String[] args) {
    CommandLine cli =
        new CommandLine(new LauncherCli())
            .setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                  if (e instanceof LauncherException
                      || e instanceof com.flashdeal.localdeps.DepsException) {
                    commandLine.getErr().println("launcher: " + e.getMessage());
                    return 1;
                  }
                  throw e;
                });
    System.exit(cli.execute(args));
  }

  @Command(name = "up", description = "Start the system (idempotent for the same variant).")
  static final class Up implements Callable<Integer> {
    @Option(
        names = "--variant",
        defaultValue = Variant.DEFAULT,
        description = "a file name in variants/ (default: ${DEFAULT-VALUE})")
    String variant;

    @Override
    public Integer call() {
      Launcher launcher = Launcher.fromEnvironment();
      RunningSystem system = launcher.up(variant, line -> System.out.println("  " + line));
      System.out.printf(
          "%nFlash Deal is up (variant %s, %.1f s)%n  gateway: %s%n  admin:   %s / %s%n  logs:    %s%n  stop:    make down%n",
          system.variant(),
          system.startup().toMillis() / 1000.0,
          system.gateway(),
          system.adminEmail(),
          system.adminPassword(),
          launcher.logDir());
      return 0;
    }
  }

  @Command(
      name = "restart",
      description = "Start one service of the running system again (killing it first if alive).")
  static final class Restart implements Callable<Integer> {
    @CommandLine.Parameters(description = "auth-service, product-service, order-service or gateway")
    String service;

    @Override
    public Integer call() {
      var took =
          Launcher.fromEnvironment().restart(service, line -> System.out.println("  " + line));
      System.out.printf("%s is back in %.1f s%n", service, took.toMillis() / 1000.0);
      return 0;
    }
  }

  @Command(name = "down", description = "Stop what `up` started, and nothing else.")
  static final class Down implements Callable<Integer> {
    @Override
    public Integer call() {
      Launcher.fromEnvironment().down(line -> System.out.println("  " + line));
      return 0;
    }
  }

  @Command(
      name = "status",
      description = "Show the running system and each service's resident memory. Exit 3 if down.")
  static final class Status implements Callable<Integer> {
    @Override
    public Integer call() {
      Launcher launcher = Launcher.fromEnvironment();
      var running = launcher.running();
      if (running.isEmpty()) {
        System.out.println("not running");
        return 3;
      }
      System.out.printf(
          "variant %s, gateway %s%n", running.get().variant(), running.get().gateway());
      launcher
          .residentKib()
          .forEach(
              (name, kib) ->
                  System.out.printf(
                      "  %-16s pid %-8d RSS %6.0f MiB%n",
                      name, running.get().pids().get(name), kib / 1024.0));
      return 0;
    }
  }
}
