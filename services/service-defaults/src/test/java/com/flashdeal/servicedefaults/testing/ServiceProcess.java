package com.flashdeal.servicedefaults.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A service jar started as its own JVM, as the launcher will run it: waited for on its health
 * endpoint.
 */
public final class ServiceProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  public final int port;

  private ServiceProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  public static ServiceProcess start(Path jar, int port, Map<String, String> env, Duration timeout)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no service jar at " + jar + " (build it first: ./mvnw install -DskipTests)");
    }
    Path log = Files.createTempFile(jar.getFileName().toString().replace(".jar", "-"), ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    System.getProperty("flashdeal.java", "java"),
                    "-Xmx256m",
                    "-jar",
                    jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    // Ready means warm costs seconds per start; a test that is about warming up turns it on.
    pb.environment().putIfAbsent("FLASHDEAL_WARM_UP_ENABLED", "false");
    ServiceProcess service = new ServiceProcess(pb.start(), log, port);
    service.awaitHealthy(timeout);
    return service;
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "service exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    close();
    throw new IllegalStateException("service not healthy within " + timeout + ":\n" + tail());
  }

  /** Everything the service has logged so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  public static int freePort() {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
