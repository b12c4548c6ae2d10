package com.flashdeal.localdeps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The private Redis: daemonised, loopback only, no persistence (a cache and a stock counter rebuilt
 * from the DB).
 */
final class RedisServer {
  private final DepsSettings settings;
  private final Env env;
  private final Path dir;
  private final Path pidFile;
  private final Path log;
  private final Path binRecord;

  RedisServer(DepsSettings settings, Env env) {
    this.settings = settings;
    this.env = env;
    this.dir = settings.redisDir();
    this.pidFile = dir.resolve("redis.pid");
    this.log = dir.resolve("redis.log");
    this.binRecord = settings.baseDir().resolve("redis.bin");
  }

  ServerStatus status() {
    boolean running = ourPid().isPresent() && ping();
    String origin = readRecord().orElse(running ? "unknown binaries" : "not started");
    return new ServerStatus("redis", running, settings.redisPort(), origin);
  }

  String start() {
    if (ourPid().isPresent() && ping()) {
      return "already running (" + readRecord().orElse("?") + ")";
    }
    if (Ports.inUse(settings.host(), settings.redisPort())) {
      throw new DepsException(
          "port "
              + settings.redisPort()
              + " is taken by another program; stop it or choose another port with FLASHDEAL_REDIS_PORT");
    }
    Binaries.Located bin = Binaries.redis(settings.provider(), env, settings.distDir());
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new DepsException("cannot prepare " + dir + ": " + e.getMessage(), e);
    }
    Processes.Result result =
        Processes.run(
            List.of(
                bin.path().toString(),
                "--port",
                Integer.toString(settings.redisPort()),
                "--bind",
                settings.host(),
                "--protected-mode",
                "yes",
                "--daemonize",
                "yes",
                "--pidfile",
                pidFile.toString(),
                "--logfile",
                log.toString(),
                "--dir",
                dir.toString(),
                "--save",
                "",
                "--appendonly",
                "no"),
            Duration.ofSeconds(30));
    if (!result.ok() || !awaitPing(Duration.ofSeconds(15))) {
      throw new DepsException(
          "Redis did not start ("
              + bin.origin()
              + "):\n"
              + Processes.indent(result.output())
              + "\nlast lines of "
              + log
              + ":\n"
              + Processes.indent(Processes.tail(log, 20)));
    }
    try {
      Files.writeString(settings.baseDir().resolve("redis.bin"), bin.origin() + "\n");
    } catch (IOException e) {
      throw new DepsException("cannot write " + binRecord, e);
    }
    return "started (" + bin.origin() + ")";
  }

  void stop() {
    Optional<ProcessHandle> process = ourPid();
    if (process.isEmpty()) {
      return;
    }
    command("SHUTDOWN NOSAVE");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (process.get().isAlive() && System.nanoTime() < deadline) {
      sleep(50);
    }
    if (process.get().isAlive()) {
      process.get().destroyForcibly();
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // the pid is dead; a stale file is re-checked against the process table anyway
    }
  }

  /** The live process from our pid file, if any; a stale pid file (server gone) counts as none. */
  Optional<ProcessHandle> ourPid() {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Optional<String> readRecord() {
    try {
      return Optional.of(Files.readString(binRecord).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private boolean awaitPing(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (ping()) {
        return true;
      }
      sleep(50);
    }
    return false;
  }

  boolean ping() {
    return command("PING").map(r -> r.startsWith("+PONG")).orElse(false);
  }

  /** One inline command over RESP; enough for PING and SHUTDOWN without a client library. */
  private Optional<String> command(String inline) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(settings.host(), settings.redisPort()), 300);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[256];
      int n = in.read(buf);
      return Optional.of(n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII));
    } catch (IOException e) {
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
