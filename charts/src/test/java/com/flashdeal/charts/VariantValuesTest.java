package com.flashdeal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A variant means the same thing everywhere: variants/(name).env for the local launcher and
 * charts/flashdeal/values-(name).yaml for Kubernetes. Every setting of the env file must reach a
 * service's ConfigMap with the same value.
 */
class VariantValuesTest {

  static Map<String, Map<String, String>> envFiles() throws IOException {
    Map<String, Map<String, String>> variants = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Charts.repo().resolve("variants"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".env")).sorted().toList()) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank() && !line.startsWith("#")) {
            settings.put(
                line.substring(0, line.indexOf('=')).strip(),
                line.substring(line.indexOf('=') + 1).strip());
          }
        }
        variants.put(f.getFileName().toString().replace(".env", ""), settings);
      }
    }
    return variants;
  }

  static Stream<String> variants() throws IOException {
    return envFiles().keySet().stream();
  }

  @Test
  void theSameVariantsExistOnBothPlatforms() throws IOException {
    assertThat(Charts.variantFiles().keySet())
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(envFiles().keySet());
  }

  @ParameterizedTest
  @MethodSource("variants")
  void everyLocalSettingReachesTheServices(String variant) throws IOException {
    List<HasMetadata> objects = Charts.renderUmbrella(Charts.variantFiles().get(variant), Map.of());
    Map<String, String> rendered = new HashMap<>();
    Charts.ofType(objects, ConfigMap.class).forEach(cm -> rendered.putAll(cm.getData()));
    Map<String, String> local = envFiles().get(variant);
    assertThat(local).isNotEmpty();
    assertThat(rendered).containsAllEntriesOf(local);
    assertThat(objects)
        .allSatisfy(
            o -> {
              if (o instanceof ConfigMap cm) {
                assertThat(cm.getMetadata().getLabels())
                    .containsEntry("flashdeal.io/variant", variant);
              }
            });
  }
}
