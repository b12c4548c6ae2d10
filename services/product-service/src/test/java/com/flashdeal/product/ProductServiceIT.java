package com.flashdeal.product;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.servicedefaults.testing.TestTokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract's product and deal rules through the real HTTP layer. */
class ProductServiceIT extends ProductServiceTestBase {

  private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

  private long rows() {
    return jdbc.sql(
            "SELECT (SELECT count(*) FROM product) + (SELECT count(*) FROM deal) + (SELECT count(*) FROM reservation)")
        .query(Long.class)
        .single();
  }

  private int remaining(long dealId) {
    return send("GET", "/deals/" + dealId, TestTokens.user(UUID.randomUUID()), null)
        .json()
        .path("remaining")
        .asInt();
  }

  @Test
  void adminsCreateProductsEveryoneReadsThem() {
    long id = createProduct(500);
    var product = send("GET", "/products/" + id, TestTokens.user(UUID.randomUUID()), null);
    assertThat(product.status()).isEqualTo(200);
    assertThat(product.json().path("listPrice").path("currency").asString()).isEqualTo("EUR");
    var page = send("GET", "/products?page=0&size=10", TestTokens.user(UUID.randomUUID()), null);
    assertThat(page.json().path("page").path("totalElements").asLong()).isEqualTo(1);
    assertThat(page.json().path("items").size()).isEqualTo(1);

    String body =
        "{\"name\":\"X\",\"listPrice\":{\"amountMinor\":1,\"currency\":\"EUR\"},\"stock\":1}";
    assertProblem(
        send("POST", "/products", TestTokens.user(UUID.randomUUID()), body), 403, "FORBIDDEN");
    assertProblem(send("POST", "/products", null, body), 401, "UNAUTHENTICATED");
    // PostgreSQL's text cannot hold U+0000: the contract refuses it (schemathesis found a 500).
    String nul =
        "{\"name\":\"X\",\"description\":\"a\\u0000b\",\"listPrice\":{\"amountMinor\":1,"
            + "\"currency\":\"EUR\"},\"stock\":1}";
    assertProblem(send("POST", "/products", TestTokens.admin(), nul), 400, "VALIDATION_FAILED");
    assertProblem(
        send("GET", "/products/999", TestTokens.user(UUID.randomUUID()), null), 404, "NOT_FOUND");
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void aDealTakesItsUnitsFromTheProduct() {
    long product = createProduct(100);
    var deal = createDeal(product, 30, 1, now.minusMinutes(1), now.plusHours(1));
    assertThat(deal.status()).isEqualTo(201);
    assertThat(deal.json().path("status").asString()).isEqualTo("ACTIVE");
    assertThat(deal.json().path("remaining").asInt()).isEqualTo(30);

    var stock =
        send("GET", "/products/" + product + "/stock", TestTokens.user(UUID.randomUUID()), null);
    assertThat(stock.json().path("available").asInt()).isEqualTo(70);
    assertThat(stock.json().path("inDeals").asInt()).isEqualTo(30);
    assertThat(stock.json().path("soldInDeals").asInt()).isZero();

    long before = rows();
    assertProblem(createDeal(product, 71, 1, now, now.plusHours(1)), 409, "INSUFFICIENT_STOCK");
    assertProblem(createDeal(999, 1, 1, now, now.plusHours(1)), 422, "UNKNOWN_PRODUCT");
    var backwards = createDeal(product, 1, 1, now.plusHours(1), now);
    assertProblem(backwards, 400, "VALIDATION_FAILED");
    assertThat(backwards.json().path("errors").get(0).path("field").asString()).isEqualTo("endsAt");
    assertThat(rows()).isEqualTo(before);
    assertThat(
            send("GET", "/products/" + product + "/stock", TestTokens.admin(), null)
                .json()
                .path("available")
                .asInt())
        .isEqualTo(70);
  }

  @Test
  void onlyActiveDealsAreListedAndStatusFollowsTheClock() {
    long product = createProduct(100);
    long active =
        createDeal(product, 5, 1, now.minusMinutes(1), now.plusHours(1)).json().path("id").asLong();
    long upcoming =
        createDeal(product, 5, 1, now.plusHours(1), now.plusHours(2)).json().path("id").asLong();
    long ended =
        createDeal(product, 5, 1, now.minusHours(2), now.minusHours(1)).json().path("id").asLong();
    var list = send("GET", "/deals", TestTokens.user(UUID.randomUUID()), null);
    assertThat(list.json().path("items").size()).isEqualTo(1);
    assertThat(list.json().path("items").get(0).path("id").asLong()).isEqualTo(active);
    assertThat(
            send("GET", "/deals/" + upcoming, TestTokens.admin(), null)
                .json()
                .path("status")
                .asString())
        .isEqualTo("UPCOMING");
    assertThat(
            send("GET", "/deals/" + ended, TestTokens.admin(), null)
                .json()
                .path("status")
                .asString())
        .isEqualTo("ENDED");

    UUID user = UUID.randomUUID();
    assertProblem(reserve(upcoming, UUID.randomUUID(), user, 1), 409, "DEAL_NOT_ACTIVE");
    assertProblem(reserve(ended, UUID.randomUUID(), user, 1), 409, "DEAL_NOT_ACTIVE");
    assertThat(remaining(upcoming)).isEqualTo(5);
  }

  @Test
  void reserveIsIdempotentByOrderIdAndEnforcesTheRules() {
    long deal = activeDeal(3, 2);
    UUID user = UUID.randomUUID();
    UUID order = UUID.randomUUID();
    var first = reserve(deal, order, user, 1);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().path("status").asString()).isEqualTo("RESERVED");
    assertThat(first.json().path("unitPrice").path("amountMinor").asLong()).isEqualTo(14950);
    var retry = reserve(deal, order, user, 1);
    assertThat(retry.status()).as("same order, same body: the earlier reservation").isEqualTo(200);
    assertThat(remaining(deal)).as("stock taken once").isEqualTo(2);

    assertProblem(reserve(deal, order, user, 2), 409, "RESERVATION_CONFLICT");
    assertThat(reserve(deal, UUID.randomUUID(), user, 1).status()).isEqualTo(201);
    assertProblem(reserve(deal, UUID.randomUUID(), user, 1), 409, "LIMIT_EXCEEDED");
    assertThat(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1).status()).isEqualTo(201);
    assertProblem(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 1), 409, "SOLD_OUT");
    assertProblem(reserve(deal, UUID.randomUUID(), UUID.randomUUID(), 3), 409, "LIMIT_EXCEEDED");
    assertProblem(reserve(9999, UUID.randomUUID(), user, 1), 404, "NOT_FOUND");
    assertThat(remaining(deal)).isZero();
  }

  /** Found by schemathesis: each of these was created (201) with a coerced or dropped value. */
  @Test
  void jsonTypesAreTheContractsNoNullsNoCoercion() {
    long before = rows();
    for (String body :
        new String[] {
          "{\"name\":\"X\",\"description\":null,\"listPrice\":{\"amountMinor\":1,\"currency\":\"EUR\"},\"stock\":1}",
          "{\"name\":\"X\",\"description\":false,\"listPrice\":{\"amountMinor\":1,\"currency\":\"EUR\"},\"stock\":1}",
          "{\"name\":7,\"listPrice\":{\"amountMinor\":1,\"currency\":\"EUR\"},\"stock\":1}",
          "{\"name\":\"X\",\"listPrice\":{\"amountMinor\":\"1\",\"currency\":\"EUR\"},\"stock\":1}",
          "{\"name\":\"X\",\"listPrice\":{\"amountMinor\":1,\"currency\":\"EUR\"},\"stock\":1.5}",
        }) {
      var r = send("POST", "/products", TestTokens.admin(), body);
      assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
    }
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void releaseGivesUnitsBackExactlyOnce() {
    long deal = activeDeal(2, 1);
    UUID user = UUID.randomUUID();
    UUID order = UUID.randomUUID();
    reserve(deal, order, user, 1);
    assertThat(remaining(deal)).isEqualTo(1);

    var released = internal("DELETE", "/internal/reservations/" + order, null, null);
    assertThat(released.status()).isEqualTo(200);
    assertThat(released.json().path("status").asString()).isEqualTo("RELEASED");
    assertThat(released.json().has("releasedAt")).isTrue();
    assertThat(internal("DELETE", "/internal/reservations/" + order, null, null).status())
        .isEqualTo(200);
    assertThat(remaining(deal)).as("given back once").isEqualTo(2);
    assertThat(reserve(deal, UUID.randomUUID(), user, 1).status())
        .as("the user's allowance is back too")
        .isEqualTo(201);

    assertProblem(
        internal("DELETE", "/internal/reservations/" + UUID.randomUUID(), null, null),
        404,
        "NOT_FOUND");
    assertProblem(
        internal("DELETE", "/internal/reservations/not-a-uuid", null, null),
        400,
        "VALIDATION_FAILED");
  }

  @Test
  void badInputIsA4xxProblemAndWritesNothing() {
    long deal = activeDeal(5, 5);
    long before = rows();
    String path = "/internal/deals/" + deal + "/reservations";
    UUID buyer = UUID.randomUUID();
    String token = TestTokens.user(buyer);
    String order = UUID.randomUUID().toString();
    String user = buyer.toString();
    for (String body :
        new String[] {
          "{\"orderId\":\"" + order + "\",\"userId\":\"" + user + "\"}",
          "{\"orderId\":\"" + order + "\",\"userId\":\"" + user + "\",\"quantity\":-1}",
          "{\"orderId\":\"" + order + "\",\"userId\":\"" + user + "\",\"quantity\":0}",
          "{\"orderId\":\"" + order + "\",\"userId\":\"" + user + "\",\"quantity\":1000000}",
          "{\"orderId\":\"" + order + "\",\"userId\":\"" + user + "\",\"quantity\":99999999999}",
          "{\"orderId\":\"" + order + "\",\"userId\":\"" + user + "\",\"quantity\":\"one\"}",
          "{\"orderId\":\"not-a-uuid\",\"userId\":\"" + user + "\",\"quantity\":1}",
          "{\"orderId\":\"" + order + "\",\"userId\":\"" + user + "\",\"quantity\":1,\"price\":0}",
          "{\"orderId\":",
          "null",
        }) {
      var r = internal("POST", path, token, body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.json().path("code").asString())
          .as(body)
          .isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
    }
    var wrongType = send("POST", "/products", TestTokens.admin(), null); // no body, no content type
    assertThat(wrongType.status()).isIn(400, 415);
    assertProblem(send("GET", "/deals/abc", token, null), 400, "VALIDATION_FAILED");
    assertProblem(send("GET", "/deals?size=1000", token, null), 400, "VALIDATION_FAILED");
    assertProblem(send("GET", "/deals?page=-1", token, null), 400, "VALIDATION_FAILED");
    assertThat(rows()).isEqualTo(before);
    assertThat(remaining(deal)).isEqualTo(5);
  }
}
