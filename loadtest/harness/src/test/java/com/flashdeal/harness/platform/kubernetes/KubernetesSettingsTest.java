package com.flashdeal.harness.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashdeal.harness.HarnessException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesSettingsTest {

  @Test
  void kindIsTheDefault() {
    KubernetesSettings s = KubernetesSettings.from(Map.of());
    assertThat(s.serverFigures()).isEqualTo(KubernetesSettings.SIGNOZ);
    assertThat(s.extraValues()).isEmpty();
    assertThat(s.loadImage()).isEqualTo("flashdeal/load-gatling:dev");
  }

  @Test
  void theLocalClusterSetsItsValuesImageAndFigures() {
    KubernetesSettings s =
        KubernetesSettings.from(
            Map.of(
                "FLASHDEAL_K8S_EXTRA_VALUES", "/repo/tools/cluster/flashdeal-values.yaml",
                "FLASHDEAL_K8S_SERVER_FIGURES", " Prometheus ",
                "FLASHDEAL_K8S_LOAD_IMAGE", "registry.example/load:1"));
    assertThat(s.serverFigures()).isEqualTo(KubernetesSettings.PROMETHEUS);
    assertThat(s.extraValues()).contains(Path.of("/repo/tools/cluster/flashdeal-values.yaml"));
    assertThat(s.loadImage()).isEqualTo("registry.example/load:1");
  }

  @Test
  void anUnknownFigureSourceIsRefusedByName() {
    assertThatThrownBy(
            () -> KubernetesSettings.from(Map.of("FLASHDEAL_K8S_SERVER_FIGURES", "grafana")))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("FLASHDEAL_K8S_SERVER_FIGURES")
        .hasMessageContaining("grafana");
  }
}
