package com.flashdeal.product;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import com.flashdeal.servicedefaults.testing.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * /internal/** is order-service's alone, and a reservation is made only for the user whose own
 * token comes with it. Every other combination is refused and takes nothing.
 */
class InternalApiAuthorizationIT extends ProductServiceTestBase {

  private Response reserveAs(long deal, String bearer, String endUserToken, UUID userId) {
    return postAs("reservations", deal, bearer, endUserToken, userId);
  }

  /** {@code operation}: reservations, or admissions (the stock gate alone, Phase 5). */
  private Response postAs(
      String operation, long deal, String bearer, String endUserToken, UUID userId) {
    return send(
        "POST",
        "/internal/deals/" + deal + "/" + operation,
        bearer,
        "{\"orderId\":\"%s\",\"userId\":\"%s\",\"quantity\":1}"
            .formatted(UUID.randomUUID(), userId),
        endUserToken == null ? Map.of() : Map.of("X-End-User-Token", endUserToken));
  }

  @Test
  void onlyOrderServiceReservesAndOnlyForTheUserWhoseTokenComesWithIt() {
    long deal = activeDeal(5, 1);
    UUID buyer = UUID.randomUUID();
    String buyerToken = TestTokens.user(buyer);

    record Case(String name, String bearer, String endUser, int status, String code) {}
    var cases =
        new Case[] {
          new Case("no token", null, buyerToken, 401, "UNAUTHENTICATED"),
          new Case("the user's own token as bearer", buyerToken, buyerToken, 403, "FORBIDDEN"),
          new Case("an admin token as bearer", TestTokens.admin(), buyerToken, 403, "FORBIDDEN"),
          new Case(
              "another service's token",
              TestTokens.service("product-service"),
              buyerToken,
              403,
              "FORBIDDEN"),
          new Case(
              "another user's end-user token",
              ORDER_SERVICE,
              TestTokens.user(UUID.randomUUID()),
              403,
              "FORBIDDEN"),
          new Case(
              "an admin's end-user token", ORDER_SERVICE, TestTokens.admin(), 403, "FORBIDDEN"),
          new Case(
              "a service token as end user",
              ORDER_SERVICE,
              TestTokens.service("order-service"),
              403,
              "FORBIDDEN"),
          new Case("a forged end-user token", ORDER_SERVICE, buyerToken + "x", 403, "FORBIDDEN"),
          new Case("no end-user token", ORDER_SERVICE, null, 400, "VALIDATION_FAILED"),
        };
    for (String operation : List.of("reservations", "admissions")) {
      for (Case c : cases) {
        Response r = postAs(operation, deal, c.bearer(), c.endUser(), buyer);
        String name = operation + ", " + c.name();
        assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(c.status());
        assertThat(r.json().path("code").asString()).as(name).isEqualTo(c.code());
      }
    }
    assertThat(jdbc.sql("SELECT count(*) FROM reservation").query(Long.class).single())
        .as("nothing was reserved")
        .isZero();

    Response ok = reserveAs(deal, ORDER_SERVICE, buyerToken, buyer);
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    String release = "/internal/reservations/" + ok.json().path("orderId").asString();
    assertProblem(send("DELETE", release, buyerToken, null), 403, "FORBIDDEN");
    assertProblem(
        send("DELETE", release, TestTokens.service("product-service"), null), 403, "FORBIDDEN");
    assertProblem(send("DELETE", release, null, null), 401, "UNAUTHENTICATED");
    assertThat(internal("DELETE", release, null, null).status()).isEqualTo(200);
  }

  @Test
  void aServiceTokenCannotActAsAUserOnPublicOperations() {
    assertProblem(
        send("GET", "/deals", TestTokens.service("order-service"), null), 403, "FORBIDDEN");
  }
}
