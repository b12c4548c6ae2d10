package com.flashdeal.harness.scenario;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.battle.BattleScenario;
import com.flashdeal.harness.capacity.CapacityScenario;
import com.flashdeal.harness.cost.CostScenario;
import com.flashdeal.harness.explain.ExplainScenario;
import com.flashdeal.harness.login.LoginScenario;
import com.flashdeal.harness.sale.SaleScenario;
import com.flashdeal.harness.soldout.SoldOutScenario;
import java.util.List;
import java.util.Optional;

/** The registry of scenarios: a new one is a package of its own and a line here. */
public final class Scenarios {
  private Scenarios() {}

  public static final List<BenchScenario> ALL =
      List.of(
          new SaleScenario(),
          new CapacityScenario(),
          new SoldOutScenario(),
          new LoginScenario(),
          new CostScenario.Plugin(),
          new BattleScenario(),
          new ExplainScenario());

  public static Optional<BenchScenario> of(String id) {
    return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The scenario, or a clear error naming the ones there are. */
  public static BenchScenario named(String id) {
    return of(id)
        .orElseThrow(() -> new HarnessException("unknown scenario '" + id + "'; use " + ids()));
  }

  public static List<String> ids() {
    return ALL.stream().map(BenchScenario::id).toList();
  }
}
