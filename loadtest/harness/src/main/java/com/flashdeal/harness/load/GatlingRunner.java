package com.flashdeal.harness.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashdeal.harness.HarnessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Gatling simulation of {@code loadtest/gatling} as a process of its own on this machine
 * ({@code java -jar load-gatling-…-cli.jar <scenario>}) and reads the summary and ledger files it
 * writes. It runs under bash so that bash's {@code times} reports the generator's whole CPU (it
 * shares the cores with the system under test, and a saturated generator must show); its CPU over
 * the measured window alone is in the summary.
 */
public final class GatlingRunner implements LoadGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CPU_MARK = "load-cpu:";
  private final Path java;
  private final Path jar;

  /**
   * @param java the JVM to run the generator on
   * @param jar the generator's jar ({@link #jar(Path)})
   */
  public GatlingRunner(Path java, Path jar) {
    this.java = java;
    this.jar = jar;
  }

  @Override
  public LoadResult run(LoadRequest request, Path dir) {
    String id = request.scenario().id();
    Path summary = dir.resolve(id + "-summary.json");
    Path ledger = dir.resolve(id + "-ledger.txt");
    Path out = dir.resolve(id + "-gatling.log");
    // `times` prints the shell's and then its children's user/system time: the second line is ours.
    String wrapper = "\"$@\"; rc=$?; echo " + CPU_MARK + " >&2; times >&2; exit $rc";
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    "bash",
                    "-c",
                    wrapper,
                    "load",
                    java.toString(),
                    // A generator's JVM: throughput collector, a heap that never limits a sale's
                    // ledger.
                    "-XX:+UseParallelGC",
                    "-Xms256m",
                    "-Xmx1g",
                    // Class data of the generator's own classes, written by its first run and
                    // mapped by every later one: a step's generator starts in less CPU.
                    "-XX:SharedArchiveFile=" + jar.resolveSibling("load-gatling.jsa"),
                    "-XX:+AutoCreateSharedArchive",
                    "-Xshare:auto",
                    "-jar",
                    jar.toString(),
                    id))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    Map<String, String> env = new HashMap<>(request.env());
    env.put("BASE_URL", request.gateway().toString());
    env.put("USERS_FILE", request.usersFile().toAbsolutePath().toString());
    env.put("SUMMARY_PATH", summary.toAbsolutePath().toString());
    env.put("LEDGER_PATH", ledger.toAbsolutePath().toString());
    env.put("GATLING_RESULTS", dir.resolve("gatling").toAbsolutePath().toString());
    pb.environment().putAll(env);
    int exit;
    double peakRss = -1;
    try {
      Process p = pb.start();
      long deadline = System.nanoTime() + (request.expectedSeconds() + 180L) * 1_000_000_000L;
      // Poll the generator's peak RSS while it runs (the process tree: bash, then the JVM), and
      // its output for the first arrival (often, until it is seen).
      boolean stopped = false;
      while (!p.waitFor(request.firstArrival().isDone() ? 200 : 20, TimeUnit.MILLISECONDS)) {
        if (!request.generatorPid().isDone()) {
          p.descendants()
              .filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
              .findFirst()
              .ifPresent(h -> request.generatorPid().complete(h.pid()));
        }
        if (request.stop().isDone() && !stopped) {
          // Asked to end early: the figures the caller needs are its own samples.
          stopped = true;
          p.descendants().forEach(ProcessHandle::destroy);
        }
        if (!request.firstArrival().isDone()
            && Files.readString(out).contains(LoadRequest.FIRST_ARRIVAL_MARK)) {
          request.firstArrival().complete(System.currentTimeMillis());
        }
        for (ProcessHandle child : p.descendants().toList()) {
          peakRss = Math.max(peakRss, com.flashdeal.harness.metrics.Procfs.peakRssMib(child.pid()));
        }
        if (System.nanoTime() > deadline) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new HarnessException("the load generator did not finish; see " + out);
        }
      }
      exit = p.exitValue();
      request.firstArrival().complete(System.currentTimeMillis());
      if (stopped) {
        return new LoadResult(
            false,
            JSON.createObjectNode(),
            Files.exists(ledger) ? Arrival.parseLog(Files.readString(ledger)) : List.of(),
            cpuFromTimes(Files.readString(out)),
            peakRss,
            null);
      }
    } catch (IOException e) {
      throw new HarnessException("cannot run the load generator " + jar + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
    // 99 = the measurement is not valid (reported as such); anything else non-zero is the
    // generator failing to run at all.
    if (exit != 0 && exit != 99) {
      throw new HarnessException("the load generator failed with exit " + exit + "; see " + out);
    }
    try {
      String printed = Files.readString(out);
      return new LoadResult(
          exit == 0,
          JSON.readTree(summary.toFile()),
          Files.exists(ledger) ? Arrival.parseLog(Files.readString(ledger)) : List.of(),
          cpuFromTimes(printed),
          peakRss,
          GatlingReports.indexUnder(dir.resolve("gatling")));
    } catch (IOException e) {
      throw new HarnessException(
          "the load generator wrote no readable summary at " + summary + "; see " + out, e);
    }
  }

  /**
   * After the marker, bash's {@code times}: the shell's user/system time, then its children's —
   * "0m12.340s 0m1.200s" — in seconds; -1 if absent. It must run in the shell itself: in a subshell
   * the children's times are those of the subshell (zero).
   */
  static double cpuFromTimes(String printed) {
    int at = printed.lastIndexOf(CPU_MARK);
    if (at < 0) {
      return -1;
    }
    List<String> lines = printed.substring(at + CPU_MARK.length()).strip().lines().toList();
    if (lines.size() < 2) {
      return -1;
    }
    String[] parts = lines.get(1).strip().split("\\s+");
    return parts.length < 2 ? -1 : minutesSeconds(parts[0]) + minutesSeconds(parts[1]);
  }

  private static double minutesSeconds(String t) {
    int m = t.indexOf('m');
    return Double.parseDouble(t.substring(0, m)) * 60
        + Double.parseDouble(t.substring(m + 1, t.length() - 1));
  }

  @Override
  public String version() {
    return "Gatling " + GatlingReports.VERSION + " (" + jar.getFileName() + ", local process)";
  }

  /** The generator's jar of the repository's build. */
  public static Path jar(Path repo) {
    Path jar = repo.resolve("loadtest/gatling/target/load-gatling-0.1.0-SNAPSHOT-cli.jar");
    if (!Files.isRegularFile(jar)) {
      throw new HarnessException(
          "no load generator at " + jar + "; build it with ./mvnw -pl loadtest/gatling package");
    }
    return jar;
  }
}
