package com.flashdeal.harness.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes platform's failure paths against fabric8's mock API server in CRUD mode: what a
 * real control plane with kwok's fake node cannot produce (an image that does not pull, a rollout
 * that never completes). Preflight, install, rollout and stop run on a real one in
 * KubernetesPlatformK8sIT. "Helm" here applies the objects the real chart renders for the variant
 * (helm-java template); the test plays the kubelet by writing pod statuses.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesPlatformTest {
  static KubernetesClient client;

  private static final KubernetesSettings SETTINGS = KubernetesSettings.from(Map.of());
  private final List<String> progress = new ArrayList<>();

  /** Applies the rendered chart through the client; uninstall deletes what it applied. */
  private final ChartInstaller rendered =
      new ChartInstaller() {
        private final List<HasMetadata> applied = new ArrayList<>();

        @Override
        public void install(String variant) {
          String manifest = HelmCharts.render(repo(), SETTINGS, variant);
          for (HasMetadata o :
              client.load(new java.io.ByteArrayInputStream(manifest.getBytes())).items()) {
            applied.add(client.resource(o).inNamespace(SETTINGS.namespace()).create());
          }
        }

        @Override
        public void uninstall() {
          applied.forEach(o -> client.resource(o).inNamespace(SETTINGS.namespace()).delete());
          applied.clear();
        }
      };

  private KubernetesPlatform platform(Duration timeout) {
    KubernetesSettings s =
        KubernetesSettings.from(
            Map.of("FLASHDEAL_K8S_ROLLOUT_TIMEOUT_SECONDS", Long.toString(timeout.toSeconds())));
    return new KubernetesPlatform(client, rendered, s, Duration.ofMillis(50), progress::add);
  }

  private static Path repo() {
    Path dir = Path.of("").toAbsolutePath();
    while (!java.nio.file.Files.isDirectory(dir.resolve("charts/flashdeal"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  @BeforeEach
  void emptyCluster() {
    client.apps().deployments().inAnyNamespace().delete();
    client.pods().inAnyNamespace().delete();
    client.configMaps().inAnyNamespace().delete();
    client.services().inAnyNamespace().delete();
    client.network().v1().networkPolicies().inAnyNamespace().delete();
    client.namespaces().delete();
  }

  @Test
  void anImageThatIsNotLoadedFailsAtOnceWithTheHint() {
    KubernetesPlatform p = platform(Duration.ofSeconds(30));
    rendered.install("phase1-db-atomic");
    waitingPod(
        "product-service-5d8f-abcde",
        "product-service",
        "ErrImagePull",
        "pull access denied for flashdeal/product-service");
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> p.awaitRollout(Duration.ofSeconds(30)))
        .hasMessageContaining("product-service-5d8f-abcde")
        .hasMessageContaining("ErrImagePull")
        .hasMessageContaining("make images");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aSecretTheKubeletCannotReadYetIsWaitedForNotAborted() {
    KubernetesPlatform p = platform(Duration.ofSeconds(1));
    rendered.install("phase1-db-atomic");
    // A real node's first seconds: the Node authorizer has not yet let the kubelet read the
    // Secret of a pod just bound to it. It passes; the rollout must not be called hopeless.
    waitingPod(
        "order-service-665dd9c95c-dk5hv",
        "order-service",
        "CreateContainerConfigError",
        "failed to sync secret cache: timed out waiting for the condition");
    assertThatThrownBy(() -> p.awaitRollout(Duration.ofMillis(500)))
        .hasMessageContaining("not complete")
        .hasMessageNotContaining("cannot start");
  }

  private static void waitingPod(String pod, String container, String reason, String message) {
    client
        .pods()
        .inNamespace("flashdeal")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(pod)
                .addToLabels("app.kubernetes.io/instance", "flashdeal")
                .endMetadata()
                .withNewStatus()
                .addNewContainerStatus()
                .withName(container)
                .withRestartCount(0)
                .withNewState()
                .withNewWaiting()
                .withReason(reason)
                .withMessage(message)
                .endWaiting()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build())
        .create();
  }

  @Test
  void aRolloutThatNeverCompletesTimesOutNamingWhatItWaitedFor() {
    KubernetesPlatform p = platform(Duration.ofSeconds(1));
    rendered.install("phase1-naive");
    assertThatThrownBy(() -> p.awaitRollout(Duration.ofMillis(300)))
        .hasMessageContaining("not complete")
        .hasMessageContaining("gateway")
        .hasMessageContaining("product-service");
  }

  @Test
  void anUnknownVariantIsRefusedBeforeAnythingIsInstalled() {
    assertThatThrownBy(() -> platform(Duration.ofSeconds(1)).deploy("phase9-nope"))
        .hasMessageContaining("values-phase9-nope.yaml does not exist");
    assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
  }
}
