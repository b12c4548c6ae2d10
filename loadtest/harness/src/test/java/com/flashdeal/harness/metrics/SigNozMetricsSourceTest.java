package com.flashdeal.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.platform.Platform;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SigNoz client against recorded v5 query_range answers (test resources signoz/*.json), served
 * by a real HTTP server so the request the harness sends is checked too.
 */
class SigNozMetricsSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final Instant END = Instant.parse("2026-11-24T10:00:15Z");

  private HttpServer server;
  private final List<JsonNode> bodies = new ArrayList<>();
  private final List<String> apiKeys = new ArrayList<>();

  private URI serve(int status, String fixture) throws IOException {
    byte[] answer;
    try (InputStream in = getClass().getResourceAsStream("/signoz/" + fixture)) {
      answer = in == null ? fixture.getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v5/query_range",
        exchange -> {
          bodies.add(JSON.readTree(exchange.getRequestBody()));
          apiKeys.add(exchange.getRequestHeaders().getFirst("SIGNOZ-API-KEY"));
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void perServiceP99CountAndErrorsForTheWindowAndVariant() throws IOException {
    var source =
        new SigNozMetricsSource(serve(200, "scalar-three-services.json"), "", Duration.ZERO);
    Map<String, MetricsSource.ServiceFigures> figures = source.query("phase1-db-lock", START, END);

    assertThat(figures).containsOnlyKeys("gateway", "order-service", "auth-service");
    assertThat(figures.get("gateway").serverP99Ms()).isCloseTo(412.345678, within());
    assertThat(figures.get("gateway").serverRequests()).isEqualTo(4512);
    assertThat(figures.get("gateway").serverErrors()).isEqualTo(3);
    assertThat(figures.get("order-service").serverP99Ms()).isCloseTo(398.0, within());
    // served nothing: no latency, not zero latency
    assertThat(figures.get("auth-service").serverP99Ms()).isNaN();
    assertThat(figures.get("auth-service").cpuSeconds()).isEqualTo(-1);

    JsonNode body = bodies.getFirst();
    assertThat(body.path("start").asLong()).isEqualTo(START.toEpochMilli());
    assertThat(body.path("end").asLong()).isEqualTo(END.toEpochMilli());
    assertThat(body.path("requestType").asText()).isEqualTo("scalar");
    JsonNode spec = body.path("compositeQuery").path("queries").get(0).path("spec");
    assertThat(spec.path("signal").asText()).isEqualTo("traces");
    assertThat(spec.path("filter").path("expression").asText())
        .contains("deployment.environment = 'phase1-db-lock'");
    assertThat(spec.path("groupBy").get(0).path("name").asText()).isEqualTo("service.name");
    assertThat(spec.path("aggregations").findValuesAsText("expression"))
        .containsExactly("p99(duration_nano)", "count()", "countIf(has_error = true)");
    assertThat(apiKeys.getFirst()).as("impersonation mode: no key").isNull();
  }

  @Test
  void nothingInTheWindowIsAnEmptyResultNotAnError() throws IOException {
    var source = new SigNozMetricsSource(serve(200, "scalar-empty.json"), "key-1", Duration.ZERO);
    assertThat(source.query("phase1-naive", START, END)).isEmpty();
    assertThat(apiKeys.getFirst()).isEqualTo("key-1");
  }

  @Test
  void aRejectedQuerySaysWhy() throws IOException {
    var source =
        new SigNozMetricsSource(serve(400, "error-invalid-filter.json"), "", Duration.ZERO);
    assertThatThrownBy(() -> source.query("phase1-db-atomic", START, END))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("400")
        .hasMessageContaining("invalid_input")
        .hasMessageContaining("failed to parse filter expression");
  }

  @Test
  void aMissingApiKeySaysUnauthenticated() throws IOException {
    var source =
        new SigNozMetricsSource(serve(401, "error-unauthenticated.json"), "", Duration.ZERO);
    assertThatThrownBy(() -> source.query("phase1-db-atomic", START, END))
        .hasMessageContaining("401")
        .hasMessageContaining("unauthenticated");
  }

  @Test
  void aProxyErrorPageIsReportedNotParsed() throws IOException {
    var source = new SigNozMetricsSource(serve(502, "<html>Bad Gateway</html>"), "", Duration.ZERO);
    assertThatThrownBy(() -> source.query("phase1-db-atomic", START, END))
        .hasMessageContaining("502")
        .hasMessageContaining("no JSON");
  }

  @Test
  void anUnreachableSigNozIsNamed() {
    var source = new SigNozMetricsSource(URI.create("http://127.0.0.1:1"), "", Duration.ZERO);
    assertThatThrownBy(() -> source.query("phase1-db-atomic", START, END))
        .hasMessageContaining("cannot reach SigNoz at http://127.0.0.1:1");
  }

  @Test
  void variantNamesCannotInjectIntoTheFilter() {
    assertThatThrownBy(() -> SigNozMetricsSource.requestBody("x' OR '1'='1", START, END))
        .isInstanceOf(HarnessException.class);
  }

  @Test
  void snapshotsBracketTheWindow() throws IOException {
    var source =
        new SigNozMetricsSource(serve(200, "scalar-three-services.json"), "", Duration.ZERO);
    var deployment =
        new Platform.Deployment(
            "phase1-db-atomic",
            URI.create("http://127.0.0.1:1"),
            "",
            "",
            Map.of(),
            Map.of(),
            Map.of());
    var before = source.capture(deployment);
    var after = source.capture(deployment);
    assertThat(source.between(before, after)).containsKey("gateway");
    assertThat(
            bodies
                .getFirst()
                .path("compositeQuery")
                .path("queries")
                .get(0)
                .path("spec")
                .path("filter")
                .path("expression")
                .asText())
        .contains("deployment.environment = 'phase1-db-atomic'");
    assertThat(bodies.getFirst().path("start").asLong())
        .isLessThanOrEqualTo(bodies.getFirst().path("end").asLong());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }
}
