package com.flashdeal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The charts on disk, rendered with Helm's own code (helm-java) and parsed into fabric8 model
 * objects.
 */
final class Charts {
  static final List<String> SERVICES =
      List.of("gateway", "auth-service", "product-service", "order-service");
  static final String UMBRELLA = "flashdeal";
  static final String LIBRARY = "flashdeal-service";
  static final String NAMESPACE = "flashdeal";
  static final String RELEASE = "flashdeal";

  private static boolean dependenciesBuilt;

  private Charts() {}

  static Path repo() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("charts").resolve(UMBRELLA))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root with charts/flashdeal").isNotNull();
    return dir;
  }

  static Path chart(String name) {
    return repo().resolve("charts").resolve(name);
  }

  /**
   * Vendors the library into every service chart, then the service charts into the umbrella (helm
   * dependency update, offline: all repositories are file://). In that order, because Helm's named
   * templates are global: a stale library copy in one service chart would silently win for all of
   * them.
   */
  static synchronized void buildDependencies() {
    if (dependenciesBuilt) {
      return;
    }
    for (String s : SERVICES) {
      new Helm(chart(s)).dependency().update().skipRefresh().call();
    }
    new Helm(chart(UMBRELLA)).dependency().update().skipRefresh().call();
    dependenciesBuilt = true;
  }

  /** The variant files of the umbrella chart: values-(variant).yaml. */
  static Map<String, Path> variantFiles() {
    try (Stream<Path> files = Files.list(chart(UMBRELLA))) {
      return files
          .filter(p -> p.getFileName().toString().matches("values-[a-z0-9-]+\\.yaml"))
          .sorted()
          .collect(
              java.util.stream.Collectors.toMap(
                  p -> p.getFileName().toString().replaceAll("^values-|\\.yaml$", ""),
                  p -> p,
                  (a, b) -> a,
                  java.util.LinkedHashMap::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** helm template of the umbrella chart with a variant file and extra --set values. */
  static List<HasMetadata> renderUmbrella(Path valuesFile, Map<String, Object> sets) {
    buildDependencies();
    TemplateCommand t =
        new Helm(chart(UMBRELLA)).template().withName(RELEASE).withNamespace(NAMESPACE);
    if (valuesFile != null) {
      t = t.withValuesFile(valuesFile);
    }
    for (var e : sets.entrySet()) {
      t = t.set(e.getKey(), e.getValue());
    }
    return parse(t.call());
  }

  /** Splits a multi-document manifest and parses each document into its fabric8 type. */
  static List<HasMetadata> parse(String manifest) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : manifest.split("(?m)^---\\s*$")) {
      if (doc.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
        continue;
      }
      objects.add(Serialization.unmarshal(doc, HasMetadata.class));
    }
    return objects;
  }

  static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
    return ofType(objects, type).stream()
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }
}
