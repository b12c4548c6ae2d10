package com.flashdeal.harness.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where Gatling's own HTML report of a run landed (one folder per run under its results). */
public final class GatlingReports {
  /** The Gatling line the generator is built on (loadtest/gatling, gatling.version). */
  public static final String VERSION = "3.15.1";

  private GatlingReports() {}

  /** The newest {@code index.html} under {@code results}, or null when none was written. */
  public static Path indexUnder(Path results) {
    if (!Files.isDirectory(results)) {
      return null;
    }
    try (Stream<Path> runs = Files.list(results)) {
      return runs.map(r -> r.resolve("index.html"))
          .filter(Files::isRegularFile)
          .max(Comparator.comparing(p -> p.getParent().getFileName().toString()))
          .orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
