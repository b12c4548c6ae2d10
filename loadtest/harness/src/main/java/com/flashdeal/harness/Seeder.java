package com.flashdeal.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Sets the scene through the public API only, before the measured window: one hot deal, many users.
 */
final class Seeder {
  static final String PASSWORD = "bench-password-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final URI gateway;

  Seeder(URI gateway) {
    this.gateway = gateway;
  }

  record Scene(long dealId, int stock, int perUserLimit, Path usersFile, int users) {}

  Scene seed(Platform.Deployment d, int stock, int perUserLimit, int users, Path dir) {
    String admin =
        post(
                "/auth/login",
                null,
                Map.of("email", d.adminEmail(), "password", d.adminPassword()),
                200)
            .path("accessToken")
            .asText();
    long product =
        post(
                "/products",
                admin,
                Map.of(
                    "name",
                    "Bench headphones",
                    "listPrice",
                    Map.of("amountMinor", 29900, "currency", "EUR"),
                    "stock",
                    stock),
                201)
            .path("id")
            .asLong();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    long deal =
        post(
                "/deals",
                admin,
                Map.of(
                    "productId",
                    product,
                    "title",
                    "Bench hot deal",
                    "dealPrice",
                    Map.of("amountMinor", 14950, "currency", "EUR"),
                    "quantity",
                    stock,
                    "startsAt",
                    now.minusMinutes(1).toString(),
                    "endsAt",
                    now.plusHours(2).toString(),
                    "perUserLimit",
                    perUserLimit),
                201)
            .path("id")
            .asLong();
    // Signup hashes a password (deliberately slow): a few at a time, as auth-service limits
    // concurrent hashing anyway.
    List<Map<String, String>> accounts = new ArrayList<>();
    String run = Long.toString(System.currentTimeMillis(), 36);
    for (int i = 0; i < users; i++) {
      accounts.add(
          Map.of("email", "bench-" + run + "-" + i + "@flashdeal.test", "password", PASSWORD));
    }
    Semaphore permits = new Semaphore(6);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<JsonNode>> signups = new ArrayList<>();
      for (Map<String, String> a : accounts) {
        signups.add(
            pool.submit(
                () -> {
                  permits.acquire();
                  try {
                    return post("/auth/signup", null, a, 201);
                  } finally {
                    permits.release();
                  }
                }));
      }
      for (Future<JsonNode> f : signups) {
        f.get();
      }
    } catch (Exception e) {
      throw new HarnessException("seeding users failed: " + e.getMessage(), e);
    }
    try {
      Path file = dir.resolve("users.json");
      JSON.writeValue(file.toFile(), accounts);
      return new Scene(deal, stock, perUserLimit, file, users);
    } catch (IOException e) {
      throw new HarnessException("cannot write users file: " + e.getMessage(), e);
    }
  }

  private JsonNode post(String path, String token, Object body, int expected) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(gateway.resolve(path))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        throw new HarnessException(
            "seeding: POST " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new HarnessException("seeding: POST " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
  }
}
