package com.flashdeal.harness.platform.kubernetes;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;

/** Installs and removes the umbrella chart for a variant (Helm, in-process via helm-java). */
public interface ChartInstaller {

  /**
   * helm upgrade --install of charts/flashdeal with values-(variant).yaml; waiting is the caller's.
   */
  void install(String variant);

  /** helm uninstall (nothing installed is fine). */
  void uninstall();

  /** The real one: Helm's own Go code through helm-java, against the kubeconfig fabric8 uses. */
  public static ChartInstaller helm(Path repo, KubernetesSettings settings, Path kubeconfig) {
    Path umbrella = repo.resolve("charts/flashdeal");
    return new ChartInstaller() {
      @Override
      public void install(String variant) {
        Path values = HelmCharts.valuesFile(repo, variant);
        HelmCharts.vendorDependencies(repo);
        var upgrade =
            new Helm(umbrella)
                .upgrade()
                .install()
                .withName(settings.release())
                .withNamespace(settings.namespace())
                .withKubeConfig(kubeconfig)
                .withValuesFile(values);
        // Later files win, as with helm's repeated -f: the cluster's differences over the variant.
        settings.extraValues().ifPresent(upgrade::withValuesFile);
        upgrade.withTimeout((int) settings.rolloutTimeout().toSeconds()).call();
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
}
