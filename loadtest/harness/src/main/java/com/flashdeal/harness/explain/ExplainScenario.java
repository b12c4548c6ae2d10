package com.flashdeal.harness.explain;

import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.platform.VariantName;
import com.flashdeal.harness.scenario.BenchScenario;
import com.flashdeal.harness.scenario.Lab;
import com.flashdeal.harness.scenario.Settings;

/**
 * The index study: fresh product and order databases, migrated by a deployment of the first
 * variant, filled with a shop's history ({@code explain.volume-orders} past orders, the rest scaled
 * with it), the hot statements planned with and without each index; the volume is emptied
 * afterwards (the users stay), so later benches start from the usual state.
 */
public final class ExplainScenario implements BenchScenario {

  private static final int VOLUME_ORDERS = 1_000_000;

  @Override
  public String id() {
    return "explain";
  }

  @Override
  public String summary() {
    return "index study: seeded volume, EXPLAIN ANALYZE of the hot statements with and without"
        + " each index";
  }

  /** It logs no one in: the history it seeds is its own. */
  @Override
  public boolean seedsUsers() {
    return false;
  }

  @Override
  public String describe(Settings s) {
    int orders = s.option("explain.volume-orders", VOLUME_ORDERS);
    return ("Index study: a history of %,d past orders (%s), the hot statements planned with and"
            + " without each index.")
        .formatted(orders, IndexStudy.Sizes.of(orders));
  }

  @Override
  public ExplainReport run(Lab lab) {
    Platform platform = lab.platform();
    platform.prepare(true);
    String variant = VariantName.parse(lab.variants().getFirst()).base();
    lab.progress().accept("explain: deploy " + variant + " (its services migrate the databases)");
    Platform.Deployment d = platform.deploy(variant);
    try {
      return new ExplainReport(
          new IndexStudy(d.databases(), lab.progress())
              .run(
                  IndexStudy.Sizes.of(lab.option("explain.volume-orders", VOLUME_ORDERS)),
                  lab.reportDir().resolve("plans")));
    } finally {
      platform.resetState(d);
      platform.stop();
    }
  }
}
