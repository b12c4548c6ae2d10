package com.flashdeal.harness.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.Waiting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The public API as the harness uses it outside the measured window: JSON in, JSON out. */
final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final URI gateway;

  /** How long a setup call may keep getting 503 (a route not ready yet) before the run fails. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  Api(URI gateway) {
    this.gateway = gateway;
  }

  record Answer(int status, JsonNode body) {}

  Answer send(String method, String path, String token, Object body) {
    return send(method, path, token, body, Map.of());
  }

  Answer send(String method, String path, String token, Object body, Map<String, String> headers) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(60));
      if (body != null) {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      headers.forEach(b::header);
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
      return new Answer(r.statusCode(), json);
    } catch (IOException e) {
      throw new HarnessException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
  }

  /**
   * As {@link #send}, but a 503 (nothing was done, by the contract) or a connection that closed
   * without an answer is tried again each second for up to {@link #PATIENCE}: right after a rollout
   * a route can answer 503 for a moment (on Kubernetes, until the proxy has programmed a new
   * Service's endpoints), and a port-forward to a gateway pod that was just replaced closes the
   * first connections ("header parser received no bytes").
   */
  Answer sendPatiently(String method, String path, String token, Object body) {
    return sendPatiently(method, path, token, body, Map.of());
  }

  private Answer sendPatiently(
      String method, String path, String token, Object body, Map<String, String> headers) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Answer a;
      try {
        a = send(method, path, token, body, headers);
      } catch (HarnessException e) {
        if (!(e.getCause() instanceof IOException) || System.nanoTime() > deadline) {
          throw e;
        }
        Waiting.sleep(Duration.ofSeconds(1));
        continue;
      }
      if (a.status() != 503 || System.nanoTime() > deadline) {
        return a;
      }
      Waiting.sleep(Duration.ofSeconds(1));
    }
  }

  JsonNode expect(String method, String path, String token, Object body, int status) {
    return expect(method, path, token, body, Map.of(), status);
  }

  JsonNode expect(
      String method,
      String path,
      String token,
      Object body,
      Map<String, String> headers,
      int status) {
    // Setup calls outside the measured window: a 503 right after a rollout is waited out.
    Answer a = sendPatiently(method, path, token, body, headers);
    if (a.status() != status) {
      throw new HarnessException(method + " " + path + " answered " + a.status() + ": " + a.body());
    }
    return a.body();
  }
}
