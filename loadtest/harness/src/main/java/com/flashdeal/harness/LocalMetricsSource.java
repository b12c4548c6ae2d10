package com.flashdeal.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Scrapes each service's /actuator/prometheus and reads /proc for its process (Linux). */
final class LocalMetricsSource implements MetricsSource {
  /**
   * Linux reports CPU time in clock ticks; 100 per second on every mainstream kernel configuration.
   */
  private static final double TICKS_PER_SECOND = 100.0;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private record Capture(
      Map<String, LatencyHistogram> histograms, Map<String, Double> cpu, Map<String, Long> pids)
      implements Snapshot {}

  @Override
  public Snapshot capture(Platform.Deployment deployment) {
    Map<String, LatencyHistogram> histograms = new LinkedHashMap<>();
    Map<String, Double> cpu = new LinkedHashMap<>();
    deployment.services().forEach((name, base) -> histograms.put(name, scrape(base)));
    deployment.pids().forEach((name, pid) -> cpu.put(name, cpuSeconds(pid)));
    return new Capture(histograms, cpu, deployment.pids());
  }

  @Override
  public Map<String, ServiceFigures> between(Snapshot before, Snapshot after) {
    Capture b = (Capture) before;
    Capture a = (Capture) after;
    Map<String, ServiceFigures> figures = new LinkedHashMap<>();
    for (String name : a.histograms().keySet()) {
      LatencyHistogram window = a.histograms().get(name).minus(b.histograms().get(name));
      double cpu =
          a.cpu().containsKey(name) && b.cpu().containsKey(name)
              ? a.cpu().get(name) - b.cpu().get(name)
              : -1;
      Long pid = a.pids().get(name);
      figures.put(
          name,
          new ServiceFigures(
              window.quantileMs(0.99),
              window.count(),
              -1,
              cpu,
              pid == null ? -1 : peakRssMib(pid)));
    }
    return figures;
  }

  private LatencyHistogram scrape(URI base) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new HarnessException(base + "/actuator/prometheus answered " + r.statusCode());
      }
      return LatencyHistogram.parse(r.body());
    } catch (IOException e) {
      throw new HarnessException("cannot scrape " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
  }

  /** utime + stime of /proc/<pid>/stat (fields 14 and 15, after the parenthesised command name). */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static double peakRssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not Linux
    }
    return -1;
  }
}
