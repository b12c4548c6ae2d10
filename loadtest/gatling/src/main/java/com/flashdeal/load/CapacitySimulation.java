package com.flashdeal.load;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.util.List;

/**
 * One step of the order path's knee search: one hot deal at a time with ample stock; arrival i
 * orders deal {@code DEALS[i / U]} as user {@code i mod U}, so every arrival is a fresh user-deal
 * pair (the harness opens the next deal when the users of the current one are used up). {@code
 * EXPECT} names the answer that counts as success: {@code created} (the order path's knee) or
 * {@code sold_out} (DEALS is one sold-out deal: the knee of SOLD_OUT answers).
 */
public final class CapacitySimulation extends StepSimulation {
  private final List<Long> deals = env.longs("DEALS");
  private final Answers.Outcome expect =
      env.str("EXPECT", "created").equals("sold_out")
          ? Answers.Outcome.SOLD_OUT
          : Answers.Outcome.CREATED;
  private final Buyer buyer = new Buyer(rec, timeout, 0, 0);

  public CapacitySimulation() {
    if (deals.isEmpty()) {
      throw new IllegalArgumentException("DEALS must name at least one deal");
    }
    setUpSteps(
        scenario("capacity")
            .exec(
                s -> {
                  var a = arrive(s);
                  long index = a.getLong("index");
                  int deal = (int) (index / users.size());
                  if (deal >= deals.size()) {
                    throw new IllegalStateException(
                        "arrival %d: the harness opened too few deals (%d)"
                            .formatted(index, deals.size()));
                  }
                  return a.set("dealId", deals.get(deal))
                      .set("auth", users.get((int) (index % users.size())).authorization())
                      .set("key", "cap-" + runId + "-" + index);
                })
            .exec(buyer.orderOnce())
            .exec(
                s -> {
                  Answers.Outcome outcome = Buyer.outcome(s);
                  if (s.getBoolean("measured")) {
                    rec.trend("order_duration{stage:measured}", s.getDouble("orderMs"));
                    rec.rate("order_errors{stage:measured}", outcome != expect);
                    if (outcome == Answers.Outcome.CREATED) {
                      rec.count("orders_created{stage:measured}");
                    }
                    rec.measuredArrivalEnds();
                  }
                  rec.ledger(Buyer.ledger(s));
                  return s;
                }));
  }

  @Override
  protected void finish() {
    var p99 = Recorder.percentileOf(rec, "order_duration{stage:measured}", 99);
    rec.result(
        "gatling: capacity step %d/s for %d s: order p99 %.1f ms".formatted(rate, duration, p99),
        true);
  }
}
