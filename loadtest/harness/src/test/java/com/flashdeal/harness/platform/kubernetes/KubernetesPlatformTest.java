package com.flashdeal.harness.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashdeal.harness.HarnessException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes platform against fabric8's mock API server in CRUD mode. "Helm" here applies the
 * objects the real chart renders for the variant (helm-java template), so the rollout logic waits
 * on the Deployments a real install creates; the test plays the controllers by writing statuses.
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
  void anUnpreparedClusterIsNamedWithTheFix() {
    assertThatThrownBy(() -> platform(Duration.ofSeconds(1)).preflight())
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("namespace flashdeal")
        .hasMessageContaining("namespace flashdeal-infra")
        .hasMessageContaining("make kind-up");

    for (String ns : List.of("flashdeal", "flashdeal-infra")) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
    assertThatThrownBy(() -> platform(Duration.ofSeconds(1)).preflight())
        .hasMessageContaining("secret flashdeal/flashdeal-admin")
        .hasMessageContaining("secret flashdeal/flashdeal-db-order")
        .hasMessageContaining("secret flashdeal-infra/postgres-credentials")
        .hasMessageContaining("service flashdeal-infra/postgres");
  }

  @Test
  void waitsUntilEveryDeploymentOfTheVariantIsRolledOut() {
    KubernetesPlatform p = platform(Duration.ofSeconds(20));
    rendered.install("phase1-db-lock");
    List<Deployment> installed =
        client.apps().deployments().inNamespace("flashdeal").list().getItems();
    assertThat(installed)
        .extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrder("gateway", "auth-service", "product-service", "order-service");
    assertThat(installed).noneMatch(KubernetesPlatform::rolledOut);

    // The "controller" brings them up one after another while the platform waits.
    CompletableFuture<Void> controller =
        CompletableFuture.runAsync(
            () -> {
              for (Deployment d : installed) {
                sleep(100);
                d.setStatus(
                    new DeploymentStatusBuilder()
                        .withObservedGeneration(d.getMetadata().getGeneration())
                        .withReplicas(1)
                        .withUpdatedReplicas(1)
                        .withAvailableReplicas(1)
                        .withReadyReplicas(1)
                        .build());
                client.apps().deployments().inNamespace("flashdeal").resource(d).updateStatus();
              }
            });
    long t0 = System.nanoTime();
    p.awaitRollout(Duration.ofSeconds(20));
    controller.join();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(300));
    assertThat(client.apps().deployments().inNamespace("flashdeal").list().getItems())
        .allMatch(KubernetesPlatform::rolledOut);
  }

  @Test
  void anImageThatIsNotLoadedFailsAtOnceWithTheHint() {
    KubernetesPlatform p = platform(Duration.ofSeconds(30));
    rendered.install("phase1-db-atomic");
    client
        .pods()
        .inNamespace("flashdeal")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("product-service-5d8f-abcde")
                .addToLabels("app.kubernetes.io/instance", "flashdeal")
                .endMetadata()
                .withNewStatus()
                .addNewContainerStatus()
                .withName("product-service")
                .withRestartCount(0)
                .withNewState()
                .withNewWaiting()
                .withReason("ErrImagePull")
                .withMessage("pull access denied for flashdeal/product-service")
                .endWaiting()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build())
        .create();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> p.awaitRollout(Duration.ofSeconds(30)))
        .hasMessageContaining("product-service-5d8f-abcde")
        .hasMessageContaining("ErrImagePull")
        .hasMessageContaining("make images");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
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
  void stopUninstallsAndWaitsForThePodsToGo() {
    KubernetesPlatform p = platform(Duration.ofSeconds(5));
    rendered.install("phase1-db-atomic");
    client
        .pods()
        .inNamespace("flashdeal")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("gateway-1")
                .addToLabels("app.kubernetes.io/instance", "flashdeal")
                .endMetadata()
                .build())
        .create();
    CompletableFuture.runAsync(
        () -> {
          sleep(200);
          client.pods().inNamespace("flashdeal").withName("gateway-1").delete();
        });
    p.stop();
    assertThat(client.apps().deployments().inNamespace("flashdeal").list().getItems()).isEmpty();
    assertThat(client.pods().inNamespace("flashdeal").list().getItems()).isEmpty();
  }

  @Test
  void anUnknownVariantIsRefusedBeforeAnythingIsInstalled() {
    assertThatThrownBy(() -> platform(Duration.ofSeconds(1)).deploy("phase9-nope"))
        .hasMessageContaining("values-phase9-nope.yaml does not exist");
    assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
