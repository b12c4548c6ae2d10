package com.flashdeal.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;

/**
 * The flash sale: a hot deal of S units opens at T0 and {@code ARRIVALS} buyers (about 10 × S)
 * arrive open-model at {@code RATE} per second. Each reads the deal and orders one unit, once — the
 * same Idempotency-Key again when told to come back, for at most {@code RETRY_SECONDS} — and after
 * a 202 (Phase 5) polls the order to its decision.
 *
 * <p>Arrival i is user i: no user orders twice, so a replayed first attempt means the scenario is
 * broken. Validity (exit 99, the harness marks the run INVALID): more than 1 % of the arrivals
 * started late, users ran out, or an arrival was sent twice — the measurement failed, not the
 * system. Errors of the system are results.
 */
public final class SaleSimulation extends FlashDealSimulation {
  private final long dealId = env.integer("DEAL_ID", 0);
  private final int rate = env.integer("RATE", 100);
  private final int arrivals = env.integer("ARRIVALS", users.size());
  private final Buyer buyer =
      new Buyer(rec, timeout, env.integer("RETRY_SECONDS", 0), env.integer("POLL_SECONDS", 60));

  public SaleSimulation() {
    ScenarioBuilder sale =
        scenario("sale")
            .exec(
                s -> {
                  long i = nextArrival(rate, n -> "late_arrivals");
                  if (i >= arrivals) {
                    return s.set("skip", true);
                  }
                  if (i >= users.size()) {
                    rec.count("users_exhausted");
                    return s.set("skip", true);
                  }
                  rec.measuredArrivalStarts();
                  return s.set("skip", false)
                      .set("index", i)
                      .set("measured", true)
                      .set("auth", users.get((int) i).authorization())
                      .set("key", "sale-" + runId + "-" + i)
                      .set("dealId", dealId)
                      .set("start", System.currentTimeMillis());
                })
            .doIf(s -> !s.getBoolean("skip"))
            .then(
                exec(http("read-deal")
                        .get("/deals/" + dealId)
                        .header("Authorization", "#{auth}")
                        .requestTimeout(timeout)
                        .check(status().saveAs("readStatus")))
                    .exec(
                        s -> {
                          rec.request(true);
                          return s;
                        })
                    .exec(buyer.orderPatiently())
                    .exec(buyer.awaitDecision())
                    .exec(
                        s -> {
                          record(Buyer.outcome(s), s);
                          rec.ledger(Buyer.ledger(s));
                          rec.measuredArrivalEnds();
                          return s;
                        }));
    long millis = Math.max(1, arrivals * 1000L / rate);
    setUp(sale.injectOpen(rampUsers(arrivals).during(Duration.ofMillis(millis))))
        .protocols(protocol());
  }

  private void record(Answers.Outcome outcome, io.gatling.javaapi.core.Session s) {
    double decided = s.getDouble("decidedMs");
    switch (outcome) {
      case CREATED -> {
        rec.count("orders_created");
        rec.trend("order_created_duration", decided);
      }
      case SOLD_OUT -> {
        rec.count("orders_sold_out");
        rec.trend("order_sold_out_duration", decided);
      }
      case REPLAYED -> rec.count("orders_replayed");
      case RATE_LIMITED -> rec.count("orders_rate_limited");
      case ERROR -> rec.count("orders_failed");
    }
    if (s.getInt("attempts") > 1) {
      rec.count("orders_retried");
    }
    if (s.getBoolean("polled")) {
      rec.trend("order_accepted_duration", s.getDouble("orderMs"));
      rec.trend("order_decided_duration", decided);
    }
  }

  @Override
  protected void finish() {
    long late = rec.counted("late_arrivals");
    boolean valid =
        late <= arrivals / 100
            && rec.counted("users_exhausted") == 0
            && rec.counted("orders_replayed") == 0;
    rec.result(
        "gatling: sale of deal %d: %d arrivals at %d/s, %d orders created, %d late starts"
            .formatted(dealId, arrivals, rate, rec.counted("orders_created"), late),
        valid);
  }
}
