package com.flashdeal.harness.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.Waiting;
import com.flashdeal.harness.platform.Platform;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Opens hot deals through the public API as the bootstrapped admin, outside measured windows. */
public final class Deals {
  private final Api api;
  private final String admin;

  public Deals(Platform.Deployment d) {
    this.api = new Api(d.gateway());
    this.admin =
        api.expect(
                "POST",
                "/auth/login",
                null,
                Map.of("email", d.adminEmail(), "password", d.adminPassword()),
                200)
            .path("accessToken")
            .asText();
  }

  public record Deal(long id, long productId, int units) {}

  /**
   * The deals a step's arrivals order from, as the generator's {@code DEALS} list: arrival i is
   * user {@code i mod userCount} on deal {@code i / userCount}, so every arrival is a fresh
   * user-deal pair, and one deal more than the arrivals need; or, for SOLD_OUT answers ({@code
   * soldOutDeal > 0}), that sold-out deal as many times.
   */
  public String forArrivals(long arrivals, int userCount, long soldOutDeal) {
    int n = (int) Math.ceil((double) arrivals / userCount) + 1;
    if (soldOutDeal > 0) {
      return String.join(",", java.util.Collections.nCopies(n, Long.toString(soldOutDeal)));
    }
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(Long.toString(open(userCount, 1).id()));
    }
    return String.join(",", ids);
  }

  /** A product with {@code units} in stock and a deal of all of them, open from now for 2 h. */
  public Deal open(int units, int perUserLimit) {
    long product =
        api.expect(
                "POST",
                "/products",
                admin,
                Map.of(
                    "name",
                    "Bench headphones",
                    "listPrice",
                    Map.of("amountMinor", 29900, "currency", "EUR"),
                    "stock",
                    units),
                201)
            .path("id")
            .asLong();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    long deal =
        api.expect(
                "POST",
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
                    units,
                    "startsAt",
                    now.minusMinutes(1).toString(),
                    "endsAt",
                    now.plusHours(2).toString(),
                    "perUserLimit",
                    perUserLimit),
                201)
            .path("id")
            .asLong();
    return new Deal(deal, product, units);
  }

  /**
   * Orders every unit of the deal as the admin, who is not in the bench's user pool: the deal is
   * sold out and no bench user holds an order for it. Returns the deal's id.
   */
  public long sellOut(Deal deal) {
    Api.Answer a =
        api.send(
            "POST",
            "/orders",
            admin,
            Map.of("dealId", deal.id(), "quantity", deal.units()),
            Map.of("Idempotency-Key", "sell-out-" + deal.id()));
    if (a.status() == 202) {
      // The asynchronous flow (Phase 5): accepted now, decided from the queue a moment later.
      awaitConfirmed(a.body().path("id").asText(), deal.id());
    } else if (a.status() != 201) {
      throw new HarnessException("POST /orders answered " + a.status() + ": " + a.body());
    }
    return deal.id();
  }

  private static final Duration DECISION_PATIENCE = Duration.ofSeconds(30);

  private void awaitConfirmed(String orderId, long dealId) {
    long deadline = System.nanoTime() + DECISION_PATIENCE.toNanos();
    while (true) {
      JsonNode order = api.expect("GET", "/orders/" + orderId, admin, null, 200);
      String status = order.path("status").asText();
      if (status.equals("CONFIRMED")) {
        return;
      }
      if (!status.equals("PENDING") || System.nanoTime() > deadline) {
        throw new HarnessException(
            "selling out deal " + dealId + ": order " + orderId + " is " + status + ": " + order);
      }
      Waiting.sleep(Duration.ofMillis(100));
    }
  }
}
