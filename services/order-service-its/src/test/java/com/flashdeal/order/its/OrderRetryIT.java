package com.flashdeal.order.its;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.ordercore.checkout.OrderIds;
import com.flashdeal.servicedefaults.testing.TestHttp.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A buyer's retry with the same Idempotency-Key after an unknown outcome. Seen in the fault bench:
 * PostgreSQL restarted while order-service inserted an order; the buyer's retry drew a new order
 * id, product-service refused it with LIMIT_EXCEEDED (the first attempt's reservation still counted
 * against the per-user limit), and the buyer was left without the unit they had been given.
 */
class OrderRetryIT extends OrderServiceTestBase {
  static final String PRODUCT = "db-atomic";

  @Override
  void configure(Settings registry) {
    productService(PRODUCT, registry);
  }

  @Test
  void aRetryTakesOverTheReservationItsFirstAttemptHolds() {
    long deal = activeDeal(PRODUCT, 5, 1);
    UUID buyer = UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    UUID first = OrderIds.of(buyer, key, 0);
    // The first attempt reserved; its insert's outcome was lost (the database restarted).
    assertThat(reserveAsOrderService(PRODUCT, deal, first, buyer).status()).isEqualTo(201);

    Response retry = order(buyer, key, deal, 1);

    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(retry.json().path("id").asString()).isEqualTo(first.toString());
    assertThat(remaining(PRODUCT, deal)).as("one unit taken, once").isEqualTo(4);
    assertThat(orderRows()).isEqualTo(1);
  }

  @Test
  void anAttemptWhoseUnitsWentBackIsSpentAndTheNextOneOrders() {
    long deal = activeDeal(PRODUCT, 5, 1);
    UUID buyer = UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    UUID first = OrderIds.of(buyer, key, 0);
    // The first attempt timed out and was compensated: its units are back.
    assertThat(reserveAsOrderService(PRODUCT, deal, first, buyer).status()).isEqualTo(201);
    assertThat(releaseAsOrderService(PRODUCT, first).json().path("status").asString())
        .isEqualTo("RELEASED");
    assertThat(remaining(PRODUCT, deal)).isEqualTo(5);

    Response retry = order(buyer, key, deal, 1);

    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(retry.json().path("id").asString()).isEqualTo(OrderIds.of(buyer, key, 1).toString());
    assertThat(remaining(PRODUCT, deal)).isEqualTo(4);
    assertThat(
            jdbc.sql("SELECT outcome FROM order_settlement WHERE order_id = ?")
                .param(first)
                .query(String.class)
                .single())
        .as("the spent attempt can never become an order")
        .isEqualTo("ABANDONED");
  }

  @Test
  void theSameKeyForAnotherDealIsAReusedKeyAndTakesNothing() {
    long dealA = activeDeal(PRODUCT, 5, 1);
    long dealB = activeDeal(PRODUCT, 5, 1);
    UUID buyer = UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    assertThat(reserveAsOrderService(PRODUCT, dealA, OrderIds.of(buyer, key, 0), buyer).status())
        .isEqualTo(201);

    assertProblem(order(buyer, key, dealB, 1), 422, "IDEMPOTENCY_KEY_REUSED");
    assertThat(remaining(PRODUCT, dealB)).isEqualTo(5);
    assertThat(orderRows()).isZero();
  }

  @Test
  void concurrentRequestsWithOneKeyMakeOneOrderAndKeepItsUnits() throws Exception {
    // Several rounds: the races (a loser's release, a loser seeing the winner's order before its
    // key) are a matter of milliseconds.
    for (int round = 0; round < 10; round++) {
      long deal = activeDeal(PRODUCT, 5, 1);
      UUID buyer = UUID.randomUUID();
      String key = UUID.randomUUID().toString();
      List<Response> answers;
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<Response>> futures =
            IntStream.range(0, 16)
                .mapToObj(i -> pool.submit(() -> order(buyer, key, deal, 1)))
                .toList();
        answers = futures.stream().map(OrderRetryIT::get).toList();
      }
      assertThat(answers)
          .as(
              "round %d: %s",
              round,
              answers.stream()
                  .map(r -> r.status() + " " + r.json().path("code").asString())
                  .toList())
          .extracting(Response::status)
          .containsOnly(201);
      assertThat(answers)
          .extracting(r -> r.json().path("id").asString())
          .containsOnly(OrderIds.of(buyer, key, 0).toString());
      // The losers of the race must not give back the winner's units.
      assertThat(remaining(PRODUCT, deal)).isEqualTo(4);
    }
    assertThat(orderRows()).isEqualTo(10);
  }

  private static Response get(Future<Response> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
