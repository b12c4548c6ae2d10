package com.flashdeal.harness.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.Waiting;
import com.flashdeal.harness.platform.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side figures from SigNoz: the services' server spans (OpenTelemetry Java agent) in the
 * measured window, through the v5 query_range API — p99 of duration_nano, count() and error count
 * per service.name, filtered by deployment.environment = the variant. CPU and memory are not
 * collected here (-1): SigNoz's k8s-infra metrics are not part of the lab install.
 */
public final class SigNozMetricsSource implements MetricsSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String apiKey;
  private final Duration ingestDelay;

  SigNozMetricsSource(URI base, String apiKey, Duration ingestDelay) {
    this.base = base;
    this.apiKey = apiKey;
    this.ingestDelay = ingestDelay;
  }

  record Window(Instant at, String variant) implements Snapshot {}

  @Override
  public Snapshot capture(Platform.Deployment deployment) {
    return new Window(Instant.now(), deployment.variant());
  }

  @Override
  public Map<String, ServiceFigures> between(Snapshot before, Snapshot after) {
    Window from = (Window) before;
    Window to = (Window) after;
    // Spans are exported in batches (agent) and flushed by the collector: give them time to land.
    Waiting.sleep(ingestDelay);
    return query(from.variant(), from.at(), to.at());
  }

  Map<String, ServiceFigures> query(String variant, Instant start, Instant end) {
    JsonNode response = post(requestBody(variant, start, end));
    return figures(response);
  }

  /** The v5 query_range body: one scalar builder query on traces, grouped by service.name. */
  static Map<String, Object> requestBody(String variant, Instant start, Instant end) {
    if (!variant.matches("[a-z0-9][a-z0-9-]*")) {
      throw new HarnessException("not a variant name: " + variant);
    }
    String filter = "deployment.environment = '" + variant + "' AND kind_string = 'Server'";
    Map<String, Object> groupBy =
        Map.of("name", "service.name", "fieldContext", "resource", "fieldDataType", "string");
    return Map.of(
        "schemaVersion",
        "v1",
        "start",
        start.toEpochMilli(),
        "end",
        end.toEpochMilli(),
        "requestType",
        "scalar",
        "compositeQuery",
        Map.of(
            "queries",
            List.of(
                Map.of(
                    "type",
                    "builder_query",
                    "spec",
                    Map.of(
                        "name",
                        "A",
                        "signal",
                        "traces",
                        "aggregations",
                        List.of(
                            Map.of("expression", "p99(duration_nano)"),
                            Map.of("expression", "count()"),
                            Map.of("expression", "countIf(has_error = true)")),
                        "filter",
                        Map.of("expression", filter),
                        "groupBy",
                        List.of(groupBy))))));
  }

  private JsonNode post(Map<String, Object> body) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(base.resolve("/api/v5/query_range"))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (!apiKey.isBlank()) {
        b.header("SIGNOZ-API-KEY", apiKey);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = JSON.readTree(r.body());
      } catch (IOException e) {
        throw new HarnessException(
            "SigNoz answered " + r.statusCode() + " with no JSON: " + abbreviate(r.body()));
      }
      if (r.statusCode() != 200 || !"success".equals(json.path("status").asText())) {
        JsonNode error = json.path("error");
        throw new HarnessException(
            "SigNoz query_range answered "
                + r.statusCode()
                + ": "
                + (error.isMissingNode()
                    ? abbreviate(r.body())
                    : error.path("code").asText("?") + " — " + error.path("message").asText("")));
      }
      return json;
    } catch (IOException e) {
      throw new HarnessException("cannot reach SigNoz at " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
  }

  /**
   * Reads a scalar response: columns say which position is the group (service.name) and which is
   * aggregation 0/1/2. No rows (nothing in the window) is an empty map, not an error.
   */
  static Map<String, ServiceFigures> figures(JsonNode response) {
    Map<String, ServiceFigures> out = new LinkedHashMap<>();
    JsonNode results = response.path("data").path("data").path("results");
    if (!results.isArray()) {
      throw new HarnessException("SigNoz response has no data.data.results");
    }
    for (JsonNode result : results) {
      int service = -1;
      int[] aggregation = {-1, -1, -1};
      JsonNode columns = result.path("columns");
      for (int i = 0; i < columns.size(); i++) {
        JsonNode c = columns.get(i);
        if ("group".equals(c.path("columnType").asText())
            && "service.name".equals(c.path("name").asText())) {
          service = i;
        } else if ("aggregation".equals(c.path("columnType").asText())) {
          int index = c.path("aggregationIndex").asInt(-1);
          if (index >= 0 && index < aggregation.length) {
            aggregation[index] = i;
          }
        }
      }
      JsonNode rows = result.path("data");
      if (rows.isEmpty()) {
        continue;
      }
      if (service < 0 || aggregation[0] < 0 || aggregation[1] < 0) {
        throw new HarnessException(
            "SigNoz response lacks the service.name group or the p99/count columns: " + columns);
      }
      for (JsonNode row : rows) {
        double p99Nanos = number(row.get(aggregation[0]));
        long count = (long) number(row.get(aggregation[1]));
        long errors = aggregation[2] < 0 ? -1 : (long) number(row.get(aggregation[2]));
        out.put(
            row.get(service).asText(),
            new ServiceFigures(count == 0 ? Double.NaN : p99Nanos / 1e6, count, errors, -1, -1));
      }
    }
    return out;
  }

  /** SigNoz writes NaN and infinities as strings ("NaN", "Inf"). */
  private static double number(JsonNode n) {
    if (n == null || n.isNull()) {
      return Double.NaN;
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    return switch (n.asText()) {
      case "NaN" -> Double.NaN;
      case "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
          throw new HarnessException("SigNoz sent a non-number where a figure belongs: " + n);
        }
      }
    };
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
