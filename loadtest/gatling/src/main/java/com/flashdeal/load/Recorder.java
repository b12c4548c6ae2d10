package com.flashdeal.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one run recorded, in the form the harness reads: counters, rates and trends by name (a trend
 * is summarised as avg, min, med, p(50) … p(99.9), max), the per-arrival ledger, and the
 * generator's own cost over the measured window (its process CPU and the requests it sent), so a
 * saturated generator shows. One run per JVM: the simulation and {@link LoadMain} share it.
 */
public final class Recorder {
  /** Marker lines around the summary when it goes to stdout (a Job's pod log). */
  public static final String SUMMARY_BEGIN = "----- flashdeal load summary begin -----";

  public static final String SUMMARY_END = "----- flashdeal load summary end -----";

  private static final Recorder RUN = new Recorder();

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, long[]> rates = new ConcurrentHashMap<>();
  private final Map<String, List<Double>> trends = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> ledger = new ConcurrentLinkedQueue<>();
  private final AtomicLong windowStartNanos = new AtomicLong();
  private final AtomicLong windowStartCpu = new AtomicLong(-1);
  private volatile long windowEndNanos;
  private volatile long windowEndCpu = -1;
  private final LongAdder windowRequests = new LongAdder();
  private final LongAdder requests = new LongAdder();

  private volatile String line = "no result";
  private volatile boolean valid = true;

  public static Recorder run() {
    return RUN;
  }

  /** The simulation's one-line result and whether the measurement is valid (not the system). */
  public void result(String line, boolean valid) {
    this.line = line;
    this.valid = valid;
  }

  public String line() {
    return line;
  }

  public boolean valid() {
    return valid;
  }

  public long counted(String name) {
    LongAdder a = counters.get(name);
    return a == null ? 0 : a.sum();
  }

  public void count(String name) {
    counters.computeIfAbsent(name, k -> new LongAdder()).increment();
  }

  /** A rate: the share of {@code true} among the values added. */
  public void rate(String name, boolean value) {
    long[] r = rates.computeIfAbsent(name, k -> new long[2]);
    synchronized (r) {
      r[0] += value ? 1 : 0;
      r[1]++;
    }
  }

  public void trend(String name, double value) {
    List<Double> t = trends.computeIfAbsent(name, k -> new ArrayList<>());
    synchronized (t) {
      t.add(value);
    }
  }

  public void ledger(String line) {
    ledger.add(line);
  }

  /** One HTTP request sent; {@code measured}: by an arrival of the measured window. */
  public void request(boolean measured) {
    requests.increment();
    if (measured) {
      windowRequests.increment();
    }
  }

  /** A measured arrival starts: the first one opens the generator's cost window. */
  public void measuredArrivalStarts() {
    if (windowStartCpu.get() < 0 && windowStartCpu.compareAndSet(-1, cpuNanos())) {
      windowStartNanos.set(System.nanoTime());
    }
  }

  /** A measured arrival ended: the last one closes the window. */
  public void measuredArrivalEnds() {
    windowEndNanos = System.nanoTime();
    windowEndCpu = cpuNanos();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The summary document: {@code metrics.<name>.values.{count|rate|p(99)…}} and the generator. */
  public ObjectNode summary(ObjectMapper json, String line, boolean valid) {
    ObjectNode root = json.createObjectNode();
    root.put("line", line);
    root.put("valid", valid);
    ObjectNode metrics = root.putObject("metrics");
    new TreeMap<>(counters)
        .forEach((k, v) -> metrics.putObject(k).putObject("values").put("count", v.sum()));
    new TreeMap<>(rates)
        .forEach(
            (k, v) -> {
              synchronized (v) {
                ObjectNode values = metrics.putObject(k).putObject("values");
                values.put("rate", v[1] == 0 ? 0 : (double) v[0] / v[1]);
                values.put("passes", v[0]);
                values.put("count", v[1]);
              }
            });
    new TreeMap<>(trends)
        .forEach(
            (k, v) -> {
              double[] sorted;
              synchronized (v) {
                sorted = v.stream().mapToDouble(Double::doubleValue).toArray();
              }
              Arrays.sort(sorted);
              ObjectNode values = metrics.putObject(k).putObject("values");
              trendStats(sorted).forEach(values::put);
            });
    ObjectNode gen = root.putObject("generator");
    long startCpu = windowStartCpu.get();
    boolean window = startCpu >= 0 && windowEndCpu >= startCpu;
    double cpu = window ? (windowEndCpu - startCpu) / 1e9 : -1;
    double seconds = window ? (windowEndNanos - windowStartNanos.get()) / 1e9 : -1;
    gen.put("tool", "gatling");
    gen.put("windowCpuSeconds", cpu);
    gen.put("windowSeconds", seconds);
    gen.put("windowRequests", windowRequests.sum());
    gen.put("requests", requests.sum());
    gen.put("processCpuSeconds", cpuNanos() / 1e9);
    gen.put(
        "cpuMsPerRequest",
        window && windowRequests.sum() > 0 ? cpu * 1000 / windowRequests.sum() : -1);
    return root;
  }

  /** avg, min, med, p(50), p(90), p(95), p(99), p(99.9), max of sorted values (empty: none). */
  static Map<String, Double> trendStats(double[] sorted) {
    Map<String, Double> out = new TreeMap<>();
    if (sorted.length == 0) {
      return out;
    }
    out.put("avg", Arrays.stream(sorted).average().orElse(Double.NaN));
    out.put("min", sorted[0]);
    out.put("max", sorted[sorted.length - 1]);
    out.put("med", percentile(sorted, 50));
    for (double p : new double[] {50, 90, 95, 99, 99.9}) {
      String key = p == Math.rint(p) ? "p(%d)".formatted((int) p) : "p(" + p + ")";
      out.put(key, percentile(sorted, p));
    }
    return out;
  }

  /** A trend's percentile so far, NaN when it has no values. */
  public static double percentileOf(Recorder r, String trend, double p) {
    List<Double> t = r.trends.get(trend);
    if (t == null) {
      return Double.NaN;
    }
    double[] sorted;
    synchronized (t) {
      sorted = t.stream().mapToDouble(Double::doubleValue).toArray();
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(sorted);
    return percentile(sorted, p);
  }

  /** Linear interpolation between closest ranks. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 1) {
      return sorted[0];
    }
    double rank = p / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
  }

  /**
   * Writes the summary and the ledger where the run was told to: a file each, or {@code stdout} (a
   * Job: the summary between marker lines, the ledger as its {@code A|} lines).
   */
  public void write(Env env, String line, boolean valid, PrintStream stdout) {
    ObjectMapper json = new ObjectMapper();
    try {
      String summary = json.writeValueAsString(summary(json, line, valid));
      String ledgerPath = env.str("LEDGER_PATH", "stdout");
      if (ledgerPath.equals("stdout")) {
        ledger.forEach(stdout::println);
      } else {
        Files.write(Path.of(ledgerPath), ledger);
      }
      String summaryPath = env.str("SUMMARY_PATH", "stdout");
      if (summaryPath.equals("stdout")) {
        stdout.println(SUMMARY_BEGIN);
        stdout.println(summary);
        stdout.println(SUMMARY_END);
      } else {
        Files.writeString(Path.of(summaryPath), summary);
      }
      stdout.println(line);
      stdout.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
