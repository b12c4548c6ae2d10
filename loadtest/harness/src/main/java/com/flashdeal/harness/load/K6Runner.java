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
 * Runs the real k6 binary on a scenario of {@code loadtest/k6/} and reads the summary document and
 * the arrival lines it writes. k6 runs under bash so that bash's {@code times} reports k6's own CPU
 * (it shares the cores with the system under test, and a saturated generator must show).
 */
public final class K6Runner implements LoadGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CPU_MARK = "k6-cpu:";
  private final Path k6;
  private final Path scripts;

  /**
   * @param scripts the folder holding the scenarios and their helper module ({@code loadtest/k6})
   */
  public K6Runner(Path k6, Path scripts) {
    this.k6 = k6;
    this.scripts = scripts;
  }

  @Override
  public LoadResult run(LoadRequest request, Path dir) {
    Path summary = dir.resolve(request.scenario().id() + "-summary.json");
    Path log = dir.resolve(request.scenario().id() + "-k6.log");
    Path out = dir.resolve(request.scenario().id() + "-k6.out");
    Path script = scripts.resolve(request.scenario().script());
    // `times` prints the shell's and then its children's user/system time: the second line is k6.
    String wrapper = "\"$@\"; rc=$?; echo " + CPU_MARK + " >&2; times >&2; exit $rc";
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    "bash",
                    "-c",
                    wrapper,
                    "k6",
                    k6.toString(),
                    "run",
                    "--quiet",
                    "--no-color",
                    "--log-format",
                    "raw",
                    "--log-output",
                    "file=" + log.toAbsolutePath(),
                    script.toString()))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    Map<String, String> env = new HashMap<>(request.env());
    env.put("BASE_URL", request.gateway().toString());
    env.put("USERS_FILE", request.usersFile().toAbsolutePath().toString());
    env.put("SUMMARY_PATH", summary.toAbsolutePath().toString());
    env.put("K6_NO_USAGE_REPORT", "true");
    pb.environment().putAll(env);
    int exit;
    double peakRss = -1;
    try {
      Process p = pb.start();
      long deadline = System.nanoTime() + (request.expectedSeconds() + 180L) * 1_000_000_000L;
      // Poll k6's peak RSS while it runs (the process tree: bash, then k6).
      while (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
        for (ProcessHandle child : p.descendants().toList()) {
          peakRss = Math.max(peakRss, com.flashdeal.harness.metrics.Procfs.peakRssMib(child.pid()));
        }
        if (System.nanoTime() > deadline) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new HarnessException("k6 did not finish; see " + out);
        }
      }
      exit = p.exitValue();
    } catch (IOException e) {
      throw new HarnessException("cannot run k6 at " + k6 + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
    // 99 = thresholds crossed (an invalid run, reported as such); anything else non-zero is k6
    // failing to run at all.
    if (exit != 0 && exit != 99) {
      throw new HarnessException("k6 failed with exit " + exit + "; see " + out + " and " + log);
    }
    try {
      String printed = Files.readString(out);
      return new LoadResult(
          exit == 0,
          JSON.readTree(summary.toFile()),
          Files.exists(log) ? Arrival.parseLog(Files.readString(log)) : List.of(),
          cpuFromTimes(printed),
          peakRss);
    } catch (IOException e) {
      throw new HarnessException("k6 wrote no readable summary at " + summary + "; see " + out, e);
    }
  }

  /**
   * After the marker, bash's {@code times}: the shell's user/system time, then its children's (k6)
   * — "0m12.340s 0m1.200s" — in seconds; -1 if absent. It must run in the shell itself: in a
   * subshell the children's times are those of the subshell (zero).
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
    try {
      Process p = new ProcessBuilder(k6.toString(), "version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return out;
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** The scenarios' folder of the repository. */
  public static Path scripts(Path repo) {
    Path dir = repo.resolve("loadtest/k6");
    for (Scenario s : Scenario.values()) {
      if (!Files.isRegularFile(dir.resolve(s.script()))) {
        throw new HarnessException("no k6 scenario at " + dir.resolve(s.script()));
      }
    }
    return dir;
  }
}
