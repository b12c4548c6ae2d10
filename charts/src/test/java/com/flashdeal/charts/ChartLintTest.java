package com.flashdeal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** helm lint --strict of every chart, and of the umbrella chart as every variant installs it. */
class ChartLintTest {

  @BeforeAll
  static void dependencies() {
    Charts.buildDependencies();
  }

  static Stream<String> charts() {
    return Stream.concat(Charts.SERVICES.stream(), Stream.of(Charts.UMBRELLA));
  }

  static Stream<String> variants() {
    return Charts.variantFiles().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("charts")
  void chartPassesStrictLint(String chart) {
    assertClean(new Helm(Charts.chart(chart)).lint().strict().call());
  }

  /**
   * helm-java's lint takes no values file, so the variant is linted the way Helm would see it
   * installed: a copy of the chart whose values.yaml is the defaults with the variant file merged
   * over them (Helm's own precedence: later files win, maps merge).
   */
  @ParameterizedTest
  @MethodSource("variants")
  void everyVariantPassesStrictLint(String variant, @TempDir Path tmp) throws IOException {
    Path copy = copyWithValues(tmp, Charts.variantFiles().get(variant));
    assertClean(new Helm(copy).lint().strict().call());
  }

  @Test
  void lintCatchesABrokenVariant(@TempDir Path tmp) throws IOException {
    Path broken = tmp.resolve("values-broken.yaml");
    Files.writeString(broken, "global:\n  variant: Not_A_Dns_Label\n");
    Path copy = copyWithValues(tmp.resolve("chart"), broken);
    LintResult result = new Helm(copy).lint().strict().call();
    assertThat(result.isFailed()).isTrue();
    assertThat(String.join("\n", result.getMessages())).contains("variant");
  }

  private static void assertClean(LintResult result) {
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  private static Path copyWithValues(Path target, Path variantFile) throws IOException {
    Path source = Charts.chart(Charts.UMBRELLA);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    Map<String, Object> merged = merge(yaml(source.resolve("values.yaml")), yaml(variantFile));
    Files.writeString(target.resolve("values.yaml"), Serialization.asYaml(merged));
    return target;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    Map<String, Object> map = Serialization.unmarshal(Files.readString(file), Map.class);
    return map == null ? new LinkedHashMap<>() : map;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    over.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> m && out.get(k) instanceof Map<?, ?> b) {
            out.put(k, merge((Map<String, Object>) b, (Map<String, Object>) m));
          } else {
            out.put(k, v);
          }
        });
    return out;
  }

  @Test
  void mergeLetsTheVariantWinAndKeepsTheRest() {
    Map<String, Object> merged =
        merge(
            Map.of("global", Map.of("variant", "a", "tag", "dev"), "x", List.of(1)),
            Map.of("global", Map.of("variant", "b")));
    assertThat(merged)
        .isEqualTo(Map.of("global", Map.of("variant", "b", "tag", "dev"), "x", List.of(1)));
  }
}
