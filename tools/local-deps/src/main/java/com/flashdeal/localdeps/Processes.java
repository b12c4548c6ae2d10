package com.flashdeal.localdeps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs short-lived commands (initdb, pg_ctl, redis-server --daemonize) and reports failures with
 * their output.
 */
final class Processes {
  private Processes() {}

  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Output goes to a file, not a pipe: the servers these commands start live on after them and must
   * not inherit a pipe that nobody reads.
   */
  static Result run(List<String> command, Duration timeout) {
    Path out = null;
    try {
      out = Files.createTempFile("flashdeal-deps-", ".out");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new DepsException(
            "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new DepsException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DepsException("interrupted while running " + command.get(0), e);
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }

  static Result runOrFail(List<String> command, Duration timeout, String what) {
    Result result = run(command, timeout);
    if (!result.ok()) {
      throw new DepsException(
          what + " failed (exit " + result.exitCode() + "):\n" + indent(result.output()));
    }
    return result;
  }

  static String indent(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      lines.add("    " + line);
    }
    return String.join("\n", lines);
  }

  /** The last {@code n} lines of a log, for error messages; empty if the log does not exist. */
  static String tail(Path log, int n) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
