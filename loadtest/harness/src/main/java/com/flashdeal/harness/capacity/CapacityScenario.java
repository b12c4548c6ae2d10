package com.flashdeal.harness.capacity;

import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.scenario.BenchScenario;
import com.flashdeal.harness.scenario.Lab;
import com.flashdeal.harness.scenario.Settings;
import com.flashdeal.harness.seed.Deals;
import java.util.ArrayList;
import java.util.List;

/**
 * The order path's knee per variant, after the warm-up to steady state, then one step at each
 * multiple of it in {@code capacity.past-knee} (how the answers split between 201, 409 and 503
 * OVERLOADED past the knee); on the local platform pgbench runs the same statements first, so the
 * knee can be read against the database's own ceiling.
 */
public final class CapacityScenario implements BenchScenario {

  @Override
  public String id() {
    return "capacity";
  }

  @Override
  public String summary() {
    return "the order path's knee per variant, with pgbench";
  }

  @Override
  public String describe(Settings s) {
    return Knees.describe(
        s, "order p99 ≤ %.0f ms".formatted(s.option("knee.slo-ms", Knees.ORDER_SLO_MS)));
  }

  @Override
  public KneeReport run(Lab lab) {
    Settings s = lab.settings();
    Knees knees = new Knees(lab);
    Knees.Probe probe = Knees.orderPath(s);
    List<Double> pastKnee = s.numbers("capacity.past-knee").stream().filter(m -> m > 0).toList();
    List<CapacityResult> out = new ArrayList<>();
    PgBench pg = null;
    for (String variant : s.variants()) {
      lab.progress().accept("capacity " + variant + ": deploy");
      Platform.Deployment d = lab.platform().deploy(variant);
      if (pg == null && lab.localPgBench()) {
        pg = pgbench(lab, d);
      }
      lab.warm("capacity", d);
      CapacityResult found = knees.knee(probe, knees.startRate(), d);
      List<CapacityResult.StepFigures> steps = new ArrayList<>(found.steps());
      int knee = Math.max(found.knee().knee(), knees.startRate());
      for (double multiple : pastKnee) {
        int rate = (int) Math.round(knee * multiple);
        steps.add(knees.step(probe, d, rate, false, steps.size(), multiple));
      }
      out.add(
          new CapacityResult(found.variant(), found.target(), found.sloMs(), found.knee(), steps));
      lab.platform().stop();
    }
    return new KneeReport(id(), out, pg);
  }

  private static PgBench pgbench(Lab lab, Platform.Deployment d) {
    // The contract allows a deal of at most 1,000,000 units: pgbench at ~1,000 tps for 15 s is far
    // from selling it out.
    Deals.Deal deal = new Deals(d).open(1_000_000, 1);
    int clients = 10; // the services' Hikari pool size: the most the order path can have in flight
    lab.progress().accept("pgbench: reserve + order insert, " + clients + " clients each, 15 s");
    PgBench pg = PgBench.run(lab.repo(), d, deal.id(), deal.productId(), clients, 15);
    lab.progress()
        .accept(
            "pgbench: reserve %.0f tps, order insert %.0f tps"
                .formatted(pg.reserveTps(), pg.insertTps()));
    return pg;
  }
}
