package com.flashdeal.servicedefaults.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' tests talk HTTP like a real client: one shared JDK client, JSON answers,
 * problem+json assertions.
 */
public final class TestHttp {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

  private TestHttp() {}

  public record Response(int status, JsonNode json, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String body() {
      return raw.body();
    }
  }

  public static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body()), r);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * @param token bearer token, or null for none
   * @param contentType sent only when not null
   * @param body sent only when not null
   */
  public static Response send(
      String method,
      URI uri,
      String token,
      String contentType,
      String body,
      Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(b);
  }

  /**
   * The contract's error shape: status, problem+json, stable code, and a request id to find it in
   * the logs.
   */
  public static void assertProblem(Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo(code);
    assertThat(r.json().path("status").asInt()).isEqualTo(status);
    assertThat(r.json().path("requestId").asString()).isNotBlank();
  }
}
