package com.flashdeal.e2e;

import static com.flashdeal.e2e.ContractClient.assertProblem;
import static com.flashdeal.e2e.ContractClient.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Phase 1 scenarios through the gateway only, every exchange checked against the contracts. */
class FlashSaleE2E {

  @Test
  void signupLoginListDealsOrderAndSeeTheOrder() {
    long dealId = Shop.activeDeal(5, 1);
    Shop.User user = Shop.newUser();
    // Every page of the active deals: a system that served earlier runs may hold more than one.
    List<Long> listed = new ArrayList<>();
    int pages = 1;
    for (int page = 0; page < pages; page++) {
      var deals =
          send(
              "GET", "/deals?page=" + page + "&size=100", user.token(), null, null, Map.of(), true);
      assertThat(deals.status()).isEqualTo(200);
      deals.json().path("items").findValues("id").forEach(n -> listed.add(n.asLong()));
      pages = deals.json().path("page").path("totalPages").asInt();
    }
    assertThat(listed).contains(dealId);

    var placed = Shop.order(user.token(), "e2e-" + UUID.randomUUID(), dealId, 1);
    String orderId = Shop.assertOrdered(user.token(), placed).path("id").asText();

    var own = send("GET", "/orders/" + orderId, user.token(), null, null, Map.of(), true);
    assertThat(own.status()).isEqualTo(200);
    var list = send("GET", "/orders", user.token(), null, null, Map.of(), true);
    assertThat(list.json().path("items").get(0).path("id").asText()).isEqualTo(orderId);
    var deal = send("GET", "/deals/" + dealId, user.token(), null, null, Map.of(), true);
    assertThat(deal.json().path("remaining").asInt()).isEqualTo(4);
  }

  @Test
  void aSoldOutDealRefusesTheNextBuyer() {
    long dealId = Shop.activeDeal(1, 1);
    String first = Shop.newUser().token();
    Shop.assertOrdered(first, Shop.order(first, "e2e-" + UUID.randomUUID(), dealId, 1));
    String next = Shop.newUser().token();
    Shop.assertRefusedLater(
        next, Shop.order(next, "e2e-" + UUID.randomUUID(), dealId, 1), "SOLD_OUT");
    assertThat(
            send("GET", "/deals/" + dealId, Shop.admin(), null, null, Map.of(), true)
                .json()
                .path("status")
                .asText())
        .isEqualTo("SOLD_OUT");
  }

  @Test
  void dealsOutsideTheirWindowRefuseOrders() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    long upcoming = Shop.deal(5, 1, now.plusHours(1), now.plusHours(2));
    long ended = Shop.deal(5, 1, now.minusHours(2), now.minusHours(1));
    String token = Shop.newUser().token();
    assertProblem(
        Shop.order(token, "e2e-" + UUID.randomUUID(), upcoming, 1), 409, "DEAL_NOT_ACTIVE");
    assertProblem(Shop.order(token, "e2e-" + UUID.randomUUID(), ended, 1), 409, "DEAL_NOT_ACTIVE");
  }

  @Test
  void thePerUserLimitHolds() {
    long dealId = Shop.activeDeal(10, 2);
    assertProblem(
        Shop.order(Shop.newUser().token(), "e2e-" + UUID.randomUUID(), dealId, 3),
        409,
        "LIMIT_EXCEEDED");
    String token = Shop.newUser().token();
    Shop.assertOrdered(token, Shop.order(token, "e2e-" + UUID.randomUUID(), dealId, 2));
    assertProblem(Shop.order(token, "e2e-" + UUID.randomUUID(), dealId, 1), 409, "ALREADY_ORDERED");
  }

  @Test
  void aRetriedOrderIsIdempotent() {
    long dealId = Shop.activeDeal(5, 1);
    String token = Shop.newUser().token();
    String key = "e2e-" + UUID.randomUUID();
    var first = Shop.order(token, key, dealId, 1);
    var retry = Shop.order(token, key, dealId, 1);
    assertThat(retry.status()).isIn(201, 202).isEqualTo(first.status());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.json().path("id")).isEqualTo(first.json().path("id"));
    assertProblem(Shop.order(token, key, dealId, 2), 422, "IDEMPOTENCY_KEY_REUSED");
    Shop.assertOrdered(token, first);
    assertThat(
            send("GET", "/deals/" + dealId, token, null, null, Map.of(), true)
                .json()
                .path("remaining")
                .asInt())
        .isEqualTo(4);
  }

  @Test
  void anotherUsersOrderIsNotFound() {
    long dealId = Shop.activeDeal(5, 1);
    String orderId =
        Shop.order(Shop.newUser().token(), "e2e-" + UUID.randomUUID(), dealId, 1)
            .json()
            .path("id")
            .asText();
    assertProblem(
        send("GET", "/orders/" + orderId, Shop.newUser().token(), null, null, Map.of(), true),
        404,
        "NOT_FOUND");
  }

  @Test
  void publicRoutesNeedNoTokenProtectedRoutesDo() {
    assertThat(
            send("GET", "/auth/.well-known/jwks.json", null, null, null, Map.of(), true).status())
        .isEqualTo(200);
    var deals = send("GET", "/deals", null, null, null, Map.of(), false);
    assertProblem(deals, 401, "UNAUTHENTICATED");
    assertThat(deals.header("WWW-Authenticate")).startsWith("Bearer");
    assertProblem(
        send("GET", "/orders", null, null, null, Map.of(), false), 401, "UNAUTHENTICATED");
    assertProblem(
        send(
            "POST",
            "/products",
            Shop.newUser().token(),
            "application/json",
            "{\"name\":\"x\",\"listPrice\":{\"amountMinor\":1,\"currency\":\"EUR\"},\"stock\":1}",
            Map.of(),
            true),
        403,
        "FORBIDDEN");
  }

  @Test
  void internalRoutesAreUnreachableThroughTheGateway() {
    long dealId = Shop.activeDeal(5, 1);
    Shop.User user = Shop.newUser();
    var reserve =
        send(
            "POST",
            "/internal/deals/" + dealId + "/reservations",
            user.token(),
            "application/json",
            "{\"orderId\":\""
                + UUID.randomUUID()
                + "\",\"userId\":\""
                + user.id()
                + "\",\"quantity\":1}",
            Map.of(),
            false);
    assertProblem(reserve, 404, "NOT_FOUND");
    assertProblem(
        send(
            "DELETE",
            "/internal/reservations/" + UUID.randomUUID(),
            user.token(),
            null,
            null,
            Map.of(),
            false),
        404,
        "NOT_FOUND");
    assertThat(
            send("GET", "/deals/" + dealId, user.token(), null, null, Map.of(), true)
                .json()
                .path("remaining")
                .asInt())
        .isEqualTo(5);
  }

  @Test
  void aSpoofedIdentityHeaderIsIgnored() {
    long dealId = Shop.activeDeal(5, 1);
    Shop.User buyer = Shop.newUser();
    Shop.User victim = Shop.newUser();
    var placed =
        send(
            "POST",
            "/orders",
            buyer.token(),
            "application/json",
            "{\"dealId\":" + dealId + ",\"quantity\":1}",
            Map.of(
                "Idempotency-Key",
                "e2e-" + UUID.randomUUID(),
                "X-User-Id",
                victim.id(),
                "X-User-Roles",
                "ADMIN"),
            true);
    Shop.assertOrdered(buyer.token(), placed);
    assertThat(
            send("GET", "/orders", victim.token(), null, null, Map.of(), true)
                .json()
                .path("items")
                .size())
        .isZero();
    assertThat(
            send("GET", "/orders", buyer.token(), null, null, Map.of(), true)
                .json()
                .path("items")
                .size())
        .isEqualTo(1);
  }

  @Test
  void expiredAndTamperedTokensAreRejected() throws Exception {
    Shop.User user = Shop.newUser();
    String kid =
        send("GET", "/auth/.well-known/jwks.json", null, null, null, Map.of(), true)
            .json()
            .path("keys")
            .get(0)
            .path("kid")
            .asText();
    String pem = Files.readString(TheSystem.signingKey());
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    String expired =
        Jwts.builder()
            .header()
            .keyId(kid)
            .and()
            .subject(user.id())
            .claim("roles", List.of("USER"))
            .issuer("flashdeal-auth")
            .audience()
            .add("flashdeal")
            .and()
            .issuedAt(Date.from(Instant.now().minusSeconds(3600)))
            .expiration(Date.from(Instant.now().minusSeconds(600)))
            .signWith(key, Jwts.SIG.RS256)
            .compact();
    String[] parts = user.token().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"USER\"", "\"ADMIN\"");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
            + "."
            + parts[2];
    for (String bad : List.of(expired, tampered)) {
      var r = send("GET", "/orders", bad, null, null, Map.of(), true);
      assertProblem(r, 401, "UNAUTHENTICATED");
      assertThat(r.header("WWW-Authenticate")).contains("invalid_token");
    }
  }
}
