package com.flashdeal.harness.scenario;

import com.flashdeal.harness.cost.CostScenario;
import java.util.List;
import java.util.Optional;

/**
 * The registry of plug-in scenarios. The bench's built-in ones (sale, capacity, sold-out, login,
 * battle, explain) run from {@code Bench} itself until they move to packages of their own.
 */
public final class Scenarios {
  private Scenarios() {}

  public static final List<BenchScenario> ALL = List.of(new CostScenario.Plugin());

  public static Optional<BenchScenario> of(String id) {
    return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public static List<String> ids() {
    return ALL.stream().map(BenchScenario::id).toList();
  }
}
