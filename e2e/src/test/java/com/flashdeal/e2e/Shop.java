package com.flashdeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
}
