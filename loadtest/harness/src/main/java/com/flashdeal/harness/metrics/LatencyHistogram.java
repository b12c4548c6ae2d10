package com.flashdeal.harness.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cumulative {@code http_server_requests_seconds_bucket} counts from a Prometheus scrape, summed
 * over every label set except the actuator's own endpoints (the scrapes must not measure
 * themselves). Two scrapes subtract into the window; quantiles interpolate linearly inside the
 * bucket that crosses the rank, as Prometheus' histogram_quantile does.
 */
record LatencyHistogram(TreeMap<Double, Double> cumulative) {
  private static final Pattern BUCKET =
      Pattern.compile("^http_server_requests_seconds_bucket\\{(?<labels>[^}]*)}\\s+(?<value>\\S+)");
  private static final Pattern LE = Pattern.compile("le=\"(?<le>[^\"]+)\"");
  private static final Pattern URI_LABEL = Pattern.compile("uri=\"(?<uri>[^\"]*)\"");

  static LatencyHistogram parse(String prometheusText) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (String line : prometheusText.split("\n")) {
      Matcher m = BUCKET.matcher(line);
      if (!m.find()) {
        continue;
      }
      String labels = m.group("labels");
      Matcher uri = URI_LABEL.matcher(labels);
      if (uri.find() && uri.group("uri").startsWith("/actuator")) {
        continue;
      }
      Matcher le = LE.matcher(labels);
      if (!le.find()) {
        continue;
      }
      double bound =
          "+Inf".equals(le.group("le"))
              ? Double.POSITIVE_INFINITY
              : Double.parseDouble(le.group("le"));
      buckets.merge(bound, Double.parseDouble(m.group("value")), Double::sum);
    }
    return new LatencyHistogram(buckets);
  }

  LatencyHistogram minus(LatencyHistogram earlier) {
    TreeMap<Double, Double> delta = new TreeMap<>();
    cumulative.forEach(
        (le, count) -> delta.put(le, count - earlier.cumulative.getOrDefault(le, 0.0)));
    return new LatencyHistogram(delta);
  }

  long count() {
    return cumulative.isEmpty() ? 0 : Math.round(cumulative.lastEntry().getValue());
  }

  /** The q-quantile in milliseconds, or NaN for an empty window. */
  double quantileMs(double q) {
    double total = count();
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= rank) {
        if (bucket.getKey().isInfinite()) {
          return lowerBound
              * 1000; // beyond the last finite bucket: report its bound, as Prometheus does
        }
        double width = bucket.getKey() - lowerBound;
        double inBucket = bucket.getValue() - lowerCount;
        double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
        return (lowerBound + width * fraction) * 1000;
      }
      lowerBound = bucket.getKey();
      lowerCount = bucket.getValue();
    }
    return lowerBound * 1000;
  }
}
