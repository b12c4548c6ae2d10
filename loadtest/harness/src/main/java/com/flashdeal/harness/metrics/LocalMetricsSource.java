package com.flashdeal.harness.metrics;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.platform.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Scrapes each service's /actuator/prometheus and reads /proc for its process (Linux). */
public final class LocalMetricsSource implements MetricsSource {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private record Capture(
      Map<String, LatencyHistogram> histograms,
      Map<String, double[]> cacheReads,
      Map<String, Double> cpu,
      Map<String, Long> pids)
      implements Snapshot {}

  /** One scrape: the latency histogram and the read cache's {hits, reads} so far. */
  private record Scrape(LatencyHistogram histogram, double[] cacheReads) {}

  private static final java.util.regex.Pattern CACHE_READS =
      java.util.regex.Pattern.compile(
          "^flashdeal_cache_reads_total\\{[^}]*result=\"(\\w+)\"[^}]*\\}\\s+(\\S+)",
          java.util.regex.Pattern.MULTILINE);

  /** {hits, reads} of the read cache in a Prometheus text body (zeros without a cache). */
  static double[] cacheReads(String prometheus) {
    double[] out = new double[2];
    java.util.regex.Matcher m = CACHE_READS.matcher(prometheus);
    while (m.find()) {
      double n = Double.parseDouble(m.group(2));
      if (m.group(1).equals("hit")) {
        out[0] += n;
      }
      out[1] += n;
    }
    return out;
  }

  @Override
  public Snapshot capture(Platform.Deployment deployment) {
    Map<String, LatencyHistogram> histograms = new LinkedHashMap<>();
    Map<String, double[]> cacheReads = new LinkedHashMap<>();
    Map<String, Double> cpu = new LinkedHashMap<>();
    deployment
        .services()
        .forEach(
            (name, base) -> {
              Scrape scrape = scrape(base);
              histograms.put(name, scrape.histogram());
              cacheReads.put(name, scrape.cacheReads());
            });
    // Trees: PostgreSQL's work happens in its backends, children of the postmaster.
    deployment.pids().forEach((name, pid) -> cpu.put(name, Procfs.treeCpuSeconds(pid)));
    return new Capture(histograms, cacheReads, cpu, deployment.pids());
  }

  @Override
  public Map<String, ServiceFigures> between(Snapshot before, Snapshot after) {
    Capture b = (Capture) before;
    Capture a = (Capture) after;
    Map<String, ServiceFigures> figures = new LinkedHashMap<>();
    java.util.Set<String> names = new java.util.LinkedHashSet<>(a.histograms().keySet());
    names.addAll(a.pids().keySet());
    for (String name : names) {
      LatencyHistogram window =
          a.histograms().containsKey(name)
              ? a.histograms().get(name).minus(b.histograms().get(name))
              : new LatencyHistogram(new java.util.TreeMap<>());
      double cpu =
          a.cpu().containsKey(name) && b.cpu().containsKey(name)
              ? a.cpu().get(name) - b.cpu().get(name)
              : -1;
      Long pid = a.pids().get(name);
      double[] readsAfter = a.cacheReads().getOrDefault(name, new double[2]);
      double[] readsBefore = b.cacheReads().getOrDefault(name, new double[2]);
      double reads = readsAfter[1] - readsBefore[1];
      figures.put(
          name,
          new ServiceFigures(
              window.quantileMs(0.99),
              window.count(),
              -1,
              cpu,
              pid == null ? -1 : rssMib(name, pid),
              reads > 0 ? (readsAfter[0] - readsBefore[0]) / reads : Double.NaN));
    }
    return figures;
  }

  /**
   * JVMs: their peak; PostgreSQL: its processes' current resident memory (backends come and go).
   */
  private static double rssMib(String name, long pid) {
    return name.equals("postgresql") ? Procfs.treeRssMib(pid) : Procfs.peakRssMib(pid);
  }

  /**
   * A service that does not answer its scrape (crashed, out of memory, saturated) has no figures
   * for this window — the run goes on, and the oracle and the report say what happened to it.
   */
  private Scrape scrape(URI base) {
    try {
      return scrapeOrFail(base);
    } catch (HarnessException e) {
      System.err.println("metrics: " + e.getMessage() + " (no server-side figures for it)");
      return new Scrape(new LatencyHistogram(new java.util.TreeMap<>()), new double[2]);
    }
  }

  private Scrape scrapeOrFail(URI base) {
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
      return new Scrape(LatencyHistogram.parse(r.body()), cacheReads(r.body()));
    } catch (IOException e) {
      throw new HarnessException("cannot scrape " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
  }
}
