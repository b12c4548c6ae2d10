package com.flashdeal.harness.platform.kubernetes;

import com.flashdeal.harness.HarnessException;
import com.marcnuri.helm.Helm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The charts of a repository as Helm sees them: vendored dependencies, rendering, variant files.
 */
public final class HelmCharts {
  /**
   * Repositories vendored by this JVM: the charts do not change during a run, so once is enough.
   */
  private static final Set<Path> VENDORED = new HashSet<>();

  private HelmCharts() {}

  /**
   * helm dependency update, offline (file:// repositories): the library into each service chart
   * first, then the service charts into the umbrella. Helm's named templates are global, so a stale
   * library copy in one service chart would silently win for all of them.
   */
  public static synchronized void vendorDependencies(Path repo) {
    if (!VENDORED.add(repo.toAbsolutePath().normalize())) {
      return;
    }
    for (String chart : List.of("gateway", "auth-service", "product-service", "order-service")) {
      new Helm(repo.resolve("charts").resolve(chart)).dependency().update().skipRefresh().call();
    }
    new Helm(repo.resolve("charts/flashdeal")).dependency().update().skipRefresh().call();
  }

  /** helm template of the umbrella chart for a variant (what install would apply). */
  public static String render(Path repo, KubernetesSettings settings, String variant) {
    vendorDependencies(repo);
    return new Helm(repo.resolve("charts/flashdeal"))
        .template()
        .withName(settings.release())
        .withNamespace(settings.namespace())
        .withValuesFile(valuesFile(repo, variant))
        .call();
  }

  public static Path valuesFile(Path repo, String variant) {
    Path values = repo.resolve("charts/flashdeal/values-" + variant + ".yaml");
    if (!Files.isRegularFile(values)) {
      throw new HarnessException(
          "no Kubernetes variant '" + variant + "': " + values + " does not exist");
    }
    return values;
  }
}
