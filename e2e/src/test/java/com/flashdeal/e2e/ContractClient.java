package com.flashdeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client of the gateway that checks every exchange against the contracts: the request (unless a
 * test sends bad input on purpose) and always the response — its status must be documented for the
 * operation, its content type and body must match, and no undocumented field may appear.
 */
final class ContractClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final Map<String, OpenApiInteractionValidator> VALIDATORS =
      new ConcurrentHashMap<>();

  record Response(int status, String contentType, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /** Which contract documents a path (the gateway's routing table, as the specs split it). */
  static String specFor(String path) {
    if (path.startsWith("/auth")) return "auth-service.v1.yaml";
    if (path.startsWith("/orders")) return "order-service.v1.yaml";
    return "product-service.v1.yaml";
  }

  static OpenApiInteractionValidator validator(String spec) {
    return VALIDATORS.computeIfAbsent(
        spec,
        s ->
            OpenApiInteractionValidator.createForSpecificationUrl(
                    TheSystem.repo().resolve("api-spec").resolve(s).toUri().toString())
                .build());
  }

  static Response send(
      String method,
      String pathAndQuery,
      String token,
      String contentType,
      String body,
      Map<String, String> headers,
      boolean requestIsValid) {
    URI uri = URI.create(TheSystem.gateway().toString() + pathAndQuery);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    Map<String, String> sent = new LinkedHashMap<>(headers);
    if (token != null) sent.put("Authorization", "Bearer " + token);
    if (contentType != null) sent.put("Content-Type", contentType);
    sent.forEach(b::header);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> raw;
    try {
      raw = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(method + " " + pathAndQuery + " failed", e);
    }
    Response response =
        new Response(
            raw.statusCode(),
            raw.headers().firstValue("Content-Type").orElse(null),
            raw.body(),
            raw);
    validate(method, uri, sent, body, response, requestIsValid);
    return response;
  }

  private static void validate(
      String method,
      URI uri,
      Map<String, String> headers,
      String body,
      Response response,
      boolean requestIsValid) {
    OpenApiInteractionValidator validator = validator(specFor(uri.getPath()));
    Request.Method m = Request.Method.valueOf(method);
    SimpleResponse.Builder rb =
        SimpleResponse.Builder.status(response.status()).withBody(response.body());
    response.raw().headers().map().forEach((k, v) -> rb.withHeader(k, v));
    ValidationReport responseReport = validator.validateResponse(uri.getPath(), m, rb.build());
    assertThat(messages(responseReport))
        .as(
            "response to %s %s (%d %s) must match the contract",
            method, uri.getPath(), response.status(), response.body())
        .isEmpty();
    if (requestIsValid) {
      SimpleRequest.Builder q = new SimpleRequest.Builder(method, uri.getPath());
      if (uri.getRawQuery() != null) {
        for (String pair : uri.getRawQuery().split("&")) {
          String[] kv = pair.split("=", 2);
          q.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
        }
      }
      headers.forEach(q::withHeader);
      if (body != null) q.withBody(body);
      assertThat(messages(validator.validateRequest(q.build())))
          .as("request %s %s must match the contract", method, uri.getPath())
          .isEmpty();
    }
  }

  private static List<String> messages(ValidationReport report) {
    return report.getMessages().stream()
        .filter(msg -> msg.getLevel() == ValidationReport.Level.ERROR)
        .map(msg -> msg.getKey() + ": " + msg.getMessage())
        .toList();
  }

  static void assertProblem(Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("code").asText()).isEqualTo(code);
  }
}
