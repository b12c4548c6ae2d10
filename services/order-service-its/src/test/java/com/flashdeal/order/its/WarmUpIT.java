package com.flashdeal.order.its;

import static com.flashdeal.servicedefaults.testing.TestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicedefaults.testing.ServiceProcess;
import com.flashdeal.servicedefaults.warmup.WarmUp;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Ready means warm: product-service and order-service (Spring) run their hot paths before they
 * report ready, on the real processes. Each process is started and waited for on its readiness
 * probe, as the launcher and Kubernetes do; by then its warm-up must be over, it must have reached
 * the paths it names (product-service: the deal read and the reservation, 404 for the warm-up's
 * deal; order-service: the SOLD_OUT refusal and the order read), with tokens the service's own
 * filter accepted, and it must have left nothing behind.
 */
@DisabledIfSystemProperty(named = "flashdeal.order.implementation", matches = "micronaut")
class WarmUpIT extends OrderServiceTestBase {
  /** Short: the test is about the gate and the paths, not about how long the JIT takes. */
  private static final Map<String, String> WARM_UP =
      Map.of(
          "FLASHDEAL_WARM_UP_ENABLED", "true",
          "FLASHDEAL_WARM_UP_MIN_CALLS", "2000",
          "FLASHDEAL_WARM_UP_MAX_DURATION", "20s");

  private static final Pattern DONE = Pattern.compile("warm-up: done in .*; answers (.*)");

  private ServiceProcess product;

  @Override
  void configure(Settings registry) {
    product = productProcess("db-atomic+warm-up", "db-atomic", WARM_UP);
    registry.add("FLASHDEAL_ORDER_PRODUCT_URL", () -> "http://127.0.0.1:" + product.port);
    orderDatabase(registry);
    WARM_UP.forEach((k, v) -> registry.add(k, () -> v));
  }

  @Test
  void productServiceIsReadyOnlyAfterItsReadsAndReservationsRanHot() {
    // productProcess returned once the process reported ready.
    // Nothing but 404s: no 401/403 (its tokens accepted), no 5xx, no call unanswered.
    assertThat(answers(product)).matches("404x\\d+");
    assertThat(count(answers(product), 404)).isGreaterThanOrEqualTo(2000);
    Map<String, String> deps = LocalDeps.ensureUp().environment();
    JdbcClient productDb =
        JdbcClient.create(
            new DriverManagerDataSource(
                deps.get("FLASHDEAL_PRODUCT_DB_URL"),
                deps.get("FLASHDEAL_PRODUCT_DB_USER"),
                deps.get("FLASHDEAL_PRODUCT_DB_PASSWORD")));
    assertThat(
            productDb
                .sql("SELECT count(*) FROM reservation WHERE deal_id = :deal")
                .param("deal", WarmUp.DEAL)
                .query(Long.class)
                .single())
        .as("no reservation left by the warm-up")
        .isZero();
  }

  @Test
  void orderServiceIsReadyOnlyAfterItsRefusalsRanHot() {
    String answers = answers(orderProcess());
    // Nothing but the order reads' 404s and the refusals' 409s (counts such as 8500 are no status).
    assertThat(answers).matches("404x\\d+, 409x\\d+");
    assertThat(count(answers, 409)).as("SOLD_OUT refusals").isGreaterThanOrEqualTo(900);
    assertThat(count(answers, 404)).as("order reads").isGreaterThanOrEqualTo(900);
    assertThat(orderRows()).as("no order left by the warm-up").isZero();
    // The refusals the warm-up planted are gone (they live for the sold-out ttl): an order for its
    // deal now reaches product-service, which does not know it.
    assertProblem(
        order(UUID.randomUUID(), "after-" + UUID.randomUUID(), WarmUp.DEAL, 1), 404, "NOT_FOUND");
  }

  /** The answers the warm-up logged, as {@code 404x2000, 409x1000}; fails if it is not over. */
  private static String answers(ServiceProcess process) {
    Matcher m = DONE.matcher(process.log());
    assertThat(m.find()).as("warm-up over when ready:\n" + process.tail()).isTrue();
    return m.group(1).strip();
  }

  private static long count(String answers, int status) {
    Matcher m = Pattern.compile(status + "x(\\d+)").matcher(answers);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
