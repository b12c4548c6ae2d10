package com.flashdeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** What a real client does to set the scene, through the gateway and the contracts only. */
final class Shop {
  static final String PASSWORD = "correct-horse-battery-staple";

  private Shop() {}

  record User(String id, String email, String token) {}

  static User newUser() {
    String email = "e2e-" + UUID.randomUUID() + "@example.com";
    var signup =
        ContractClient.send(
            "POST",
            "/auth/signup",
            null,
            "application/json",
            "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
            Map.of(),
            true);
    assertThat(signup.status()).as(signup.body()).isEqualTo(201);
    return new User(signup.json().path("id").asText(), email, login(email, PASSWORD));
  }

  static String login(String email, String password) {
    var login =
        ContractClient.send(
            "POST",
            "/auth/login",
            null,
            "application/json",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
            Map.of(),
            true);
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return login.json().path("accessToken").asText();
  }

  private static String adminToken;

  static synchronized String admin() {
    if (adminToken == null) {
      adminToken = login(TheSystem.get().adminEmail(), TheSystem.get().adminPassword());
    }
    return adminToken;
  }

  static long deal(int quantity, int perUserLimit, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    var product =
        ContractClient.send(
            "POST",
            "/products",
            admin(),
            "application/json",
            "{\"name\":\"E2E headphones\",\"listPrice\":{\"amountMinor\":29900,\"currency\":\"EUR\"},\"stock\":"
                + (quantity + 5)
                + "}",
            Map.of(),
            true);
    assertThat(product.status()).as(product.body()).isEqualTo(201);
    var deal =
        ContractClient.send(
            "POST",
            "/deals",
            admin(),
            "application/json",
            "{\"productId\":%d,\"title\":\"E2E deal\",\"dealPrice\":{\"amountMinor\":14950,\"currency\":\"EUR\"},\"quantity\":%d,\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"perUserLimit\":%d}"
                .formatted(
                    product.json().path("id").asLong(), quantity, startsAt, endsAt, perUserLimit),
            Map.of(),
            true);
    assertThat(deal.status()).as(deal.body()).isEqualTo(201);
    return deal.json().path("id").asLong();
  }

  static long activeDeal(int quantity, int perUserLimit) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return deal(quantity, perUserLimit, now.minusMinutes(1), now.plusHours(1));
  }

  static ContractClient.Response order(String token, String key, long dealId, int quantity) {
    return ContractClient.send(
        "POST",
        "/orders",
        token,
        "application/json",
        "{\"dealId\":" + dealId + ",\"quantity\":" + quantity + "}",
        Map.of("Idempotency-Key", key),
        true);
  }

  /**
   * The order as its buyer sees it in the end, as the contract tells clients to handle it: {@code
   * 201} CONFIRMED at once (synchronous variants), or {@code 202} PENDING whose {@code Location} is
   * polled, with backoff, until it leaves PENDING (Phase 5).
   */
  static JsonNode settled(String token, ContractClient.Response placed) {
    if (placed.status() == 201) {
      return placed.json();
    }
    assertThat(placed.status()).as(placed.body()).isEqualTo(202);
    assertThat(placed.json().path("status").asText()).isEqualTo("PENDING");
    String location = placed.header("Location");
    assertThat(location).isEqualTo("/orders/" + placed.json().path("id").asText());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long pause = 20;
    while (true) {
      var now = ContractClient.send("GET", location, token, null, null, Map.of(), true);
      assertThat(now.status()).as(now.body()).isEqualTo(200);
      if (!now.json().path("status").asText().equals("PENDING")) {
        return now.json();
      }
      assertThat(System.nanoTime()).as("order still PENDING after 30 s").isLessThan(deadline);
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      pause = Math.min(pause * 2, 500);
    }
  }

  /** Ordered: CONFIRMED, at once or once decided. */
  static JsonNode assertOrdered(String token, ContractClient.Response placed) {
    JsonNode order = settled(token, placed);
    assertThat(order.path("status").asText()).as(order.toString()).isEqualTo("CONFIRMED");
    return order;
  }

  /**
   * Refused for lack of units: a 409 problem at once (synchronous variants), or an accepted order
   * that ends REJECTED with that code (Phase 5).
   */
  static void assertRefusedLater(String token, ContractClient.Response placed, String code) {
    if (placed.status() != 202) {
      ContractClient.assertProblem(placed, 409, code);
      return;
    }
    JsonNode order = settled(token, placed);
    assertThat(order.path("status").asText()).as(order.toString()).isEqualTo("REJECTED");
    assertThat(order.path("rejectionCode").asText()).isEqualTo(code);
  }
}
