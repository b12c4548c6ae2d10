package com.flashdeal.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashdeal.harness.HarnessException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenariosTest {

  private static Settings settings(String scenario, List<String> variants, Map<String, String> o) {
    return new Settings(scenario, variants, 1, 50, 500, 125, 1, 60, false, o);
  }

  @Test
  void everyScenarioHasItsOwnIdAndDescribesItsSettings() {
    assertThat(Scenarios.ids())
        .doesNotHaveDuplicates()
        .contains("sale", "capacity", "sold-out", "login", "cost", "battle", "explain");
    for (BenchScenario s : Scenarios.ALL) {
      assertThat(s.describe(settings(s.id(), List.of("a", "b"), Map.of()))).isNotBlank();
    }
  }

  @Test
  void anUnknownScenarioNamesTheOnesThereAre() {
    assertThatThrownBy(() -> Scenarios.named("sprint"))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("unknown scenario 'sprint'")
        .hasMessageContaining("sold-out");
  }

  @Test
  void settingsTheScenarioCannotRunWithFailBeforeAnythingStarts() {
    assertThatThrownBy(
            () ->
                Scenarios.named("battle")
                    .validate(settings("battle", List.of("phase4-x"), Map.of())))
        .hasMessageContaining("at least one other");
    assertThatThrownBy(
            () ->
                Scenarios.named("sale")
                    .validate(settings("sale", List.of("a"), Map.of("sale.fault", "melt:gateway"))))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void optionsAreReadUnderTheScenariosPrefix() {
    Settings s =
        settings(
            "capacity",
            List.of("a"),
            Map.of("capacity.past-knee", "1.5,2", "knee.slo-ms", "80", "cost.rate", "200"));
    assertThat(s.numbers("capacity.past-knee")).containsExactly(1.5, 2.0);
    assertThat(s.option("knee.slo-ms", 100.0)).isEqualTo(80.0);
    assertThat(s.option("knee.max-rate", 1600)).isEqualTo(1600);
    assertThat(s.optionsOf("cost")).isEqualTo("rate 200");
  }
}
