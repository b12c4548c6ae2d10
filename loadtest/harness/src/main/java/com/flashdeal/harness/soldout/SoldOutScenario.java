package com.flashdeal.harness.soldout;

import com.flashdeal.harness.capacity.CapacityResult;
import com.flashdeal.harness.capacity.KneeReport;
import com.flashdeal.harness.capacity.Knees;
import com.flashdeal.harness.load.Scenario;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.scenario.BenchScenario;
import com.flashdeal.harness.scenario.Lab;
import com.flashdeal.harness.scenario.Settings;
import com.flashdeal.harness.seed.Deals;
import java.util.ArrayList;
import java.util.List;

/**
 * Per variant, the knee of SOLD_OUT answers: after the warm-up, a deal of one unit is sold (to the
 * admin, outside the user pool) and every arrival of the search asks for it. Most of a flash sale's
 * requests arrive after the last unit went; this is the rate a variant turns them away at. Option:
 * {@code sold-out.slo-ms}, the p99 of SOLD_OUT answers a step must meet (any other answer is an
 * error).
 */
public final class SoldOutScenario implements BenchScenario {

  private static final double SLO_MS = 20;

  @Override
  public String id() {
    return "sold-out";
  }

  @Override
  public String summary() {
    return "the knee of SOLD_OUT answers on a sold-out deal";
  }

  @Override
  public String describe(Settings s) {
    return Knees.describe(
        s,
        "p99 of SOLD_OUT answers on a sold-out deal ≤ %.0f ms (any other answer is an error)"
            .formatted(s.option("sold-out.slo-ms", SLO_MS)));
  }

  @Override
  public KneeReport run(Lab lab) {
    Knees knees = new Knees(lab);
    List<CapacityResult> out = new ArrayList<>();
    for (String variant : lab.variants()) {
      Platform.Deployment d = lab.warmDeployment("sold-out", variant);
      Deals deals = new Deals(d);
      long deal = deals.sellOut(deals.open(1, 1));
      Knees.Probe probe =
          new Knees.Probe(
              Scenario.SOLD_OUT, "SOLD_OUT answers", lab.option("sold-out.slo-ms", SLO_MS), deal);
      out.add(knees.knee(probe, knees.startRate(), d));
      lab.platform().stop();
    }
    return new KneeReport(id(), out, null);
  }
}
