package com.flashdeal.harness;

import com.marcnuri.helm.Helm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Installs and removes the umbrella chart for a variant (Helm, in-process via helm-java). */
interface ChartInstaller {

  /**
   * helm upgrade --install of charts/flashdeal with values-(variant).yaml; waiting is the caller's.
   */
  void install(String variant);

  /** helm uninstall (nothing installed is fine). */
  void uninstall();

  /** The real one: Helm's own Go code through helm-java, against the kubeconfig fabric8 uses. */
  static ChartInstaller helm(Path repo, KubernetesSettings settings, Path kubeconfig) {
    Path umbrella = repo.resolve("charts/flashdeal");
    return new ChartInstaller() {
      @Override
      public void install(String variant) {
        Path values = valuesFile(repo, variant);
        vendorDependencies(repo);
        new Helm(umbrella)
            .upgrade()
            .install()
            .withName(settings.release())
            .withNamespace(settings.namespace())
            .withKubeConfig(kubeconfig)
            .withValuesFile(values)
            .withTimeout((int) settings.rolloutTimeout().toSeconds())
            .call();
      }

      @Override
      public void uninstall() {
        Helm.uninstall(settings.release())
            .withNamespace(settings.namespace())
            .withKubeConfig(kubeconfig)
            .ignoreNotFound()
            .call();
      }
    };
  }

  /**
   * helm dependency update, offline (file:// repositories): the library into each service chart
   * first, then the service charts into the umbrella. Helm's named templates are global, so a stale
   * library copy in one service chart would silently win for all of them.
   */
  static void vendorDependencies(Path repo) {
    for (String chart : List.of("gateway", "auth-service", "product-service", "order-service")) {
      new Helm(repo.resolve("charts").resolve(chart)).dependency().update().skipRefresh().call();
    }
    new Helm(repo.resolve("charts/flashdeal")).dependency().update().skipRefresh().call();
  }

  /** helm template of the umbrella chart for a variant (what install would apply). */
  static String render(Path repo, KubernetesSettings settings, String variant) {
    vendorDependencies(repo);
    return new Helm(repo.resolve("charts/flashdeal"))
        .template()
        .withName(settings.release())
        .withNamespace(settings.namespace())
        .withValuesFile(valuesFile(repo, variant))
        .call();
  }

  static Path valuesFile(Path repo, String variant) {
    Path values = repo.resolve("charts/flashdeal/values-" + variant + ".yaml");
    if (!Files.isRegularFile(values)) {
      throw new HarnessException(
          "no Kubernetes variant '" + variant + "': " + values + " does not exist");
    }
    return values;
  }
}
