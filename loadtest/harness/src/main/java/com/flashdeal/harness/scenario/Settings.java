package com.flashdeal.harness.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What every bench is given, and the scenarios' own options.
 *
 * @param stock S: units of the hot deal
 * @param users U: arrivals of a sale, one user each (about 10 x S)
 * @param rate R: arrivals per second
 * @param warmupSeconds the bound on the warm-up to steady state before a warm sale or a search
 * @param reuseUsers keep the auth database and the users file of an earlier bench
 * @param options the scenarios' own options, as {@code <scenario>.<option>} keys ({@code
 *     --cost-rate 200} arrives as {@code cost.rate=200}); the knee searches share {@code knee.*}
 */
public record Settings(
    String scenario,
    List<String> variants,
    int repeat,
    int stock,
    int users,
    int rate,
    int perUserLimit,
    int warmupSeconds,
    boolean reuseUsers,
    Map<String, String> options) {

  public Settings {
    variants = List.copyOf(variants);
    options = Map.copyOf(options);
  }

  public int option(String key, int fallback) {
    String v = options.get(key);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
  }

  public double option(String key, double fallback) {
    String v = options.get(key);
    return v == null || v.isBlank() ? fallback : Double.parseDouble(v);
  }

  public String option(String key, String fallback) {
    String v = options.get(key);
    return v == null || v.isBlank() ? fallback : v;
  }

  public boolean flag(String key, boolean fallback) {
    String v = options.get(key);
    return v == null || v.isBlank() ? fallback : Boolean.parseBoolean(v);
  }

  /** A comma-separated option as numbers (empty when unset). */
  public List<Double> numbers(String key) {
    String v = options.getOrDefault(key, "");
    return v.isBlank()
        ? List.of()
        : Arrays.stream(v.split(",")).map(String::strip).map(Double::parseDouble).toList();
  }

  /** The options of one prefix ({@code cost.} gives {@code rate 200, window 10, ...}). */
  public String optionsOf(String prefix) {
    return options.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix + "."))
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey().substring(prefix.length() + 1) + " " + e.getValue())
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
