package com.flashdeal.load;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a knee search (and the warm-up): open-model at {@code RATE} per second, {@code
 * LEAD_IN_SECONDS} not measured (connections, pools), then {@code DURATION_SECONDS} measured.
 * Metrics of the measured stage carry {@code {stage:measured}} / {@code {scenario:measured}}.
 */
abstract class StepSimulation extends FlashDealSimulation {
  protected final int rate = env.integer("RATE", 100);
  protected final int leadIn = env.integer("LEAD_IN_SECONDS", 2);
  protected final int duration = env.integer("DURATION_SECONDS", 10);
  protected final long leadInArrivals = (long) rate * leadIn;

  /**
   * The measured stage's arrival indexes start after every index the lead-in could use (as they
   * always have: the harness filters the ledger on it), so no user-deal pair is used twice.
   */
  protected final long measuredOffset = leadIn > 0 ? (long) rate * (leadIn + 1) : 0;

  protected void setUpSteps(ScenarioBuilder scenario) {
    List<OpenInjectionStep> steps = new ArrayList<>();
    if (leadInArrivals > 0) {
      steps.add(rampUsers((int) leadInArrivals).during(Duration.ofSeconds(leadIn)));
    }
    steps.add(rampUsers(rate * duration).during(Duration.ofSeconds(duration)));
    setUp(scenario.injectOpen(steps)).protocols(protocol());
  }

  /**
   * A request answered (expected: 200): counted, and for a measured arrival its duration into
   * {@code <metric>_duration{stage:measured}} and its success into {@code <metric>_errors}.
   */
  protected Session answered(Session s, String metric) {
    boolean measured = s.getBoolean("measured");
    rec.request(measured);
    if (measured) {
      int st = s.contains("st") ? s.getInt("st") : 0;
      rec.trend(metric + "_duration{stage:measured}", Buyer.elapsedMs(s));
      rec.rate(metric + "_errors{stage:measured}", st != 200);
      rec.measuredArrivalEnds();
    }
    return s;
  }

  /** Index, stage and window bookkeeping at an arrival's start. */
  protected Session arrive(Session s) {
    long i =
        nextArrival(
            rate, n -> n >= leadInArrivals ? "late_arrivals{scenario:measured}" : "late_arrivals");
    boolean measured = i >= leadInArrivals;
    if (measured) {
      rec.measuredArrivalStarts();
      rec.count("iterations{scenario:measured}");
    }
    long index = measured ? measuredOffset + (i - leadInArrivals) : i;
    return s.set("index", index).set("measured", measured).set("start", System.currentTimeMillis());
  }
}
