package com.flashdeal.harness.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.testcluster.TestCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness's Kubernetes platform against a real control plane ({@link TestCluster}): preflight
 * names what `make kind-up` has not made yet, then passes once it is made; the variant is installed
 * with the real Helm code (helm-java), the rollout wait sees real Deployments become available (on
 * kwok's fake node), and stop uninstalls and waits for the pods to go. Port-forwards and the sale
 * itself need a kubelet (tier 2); the failure paths a fake node cannot produce (an image that does
 * not pull) stay on fabric8's mock server in KubernetesPlatformTest.
 */
class KubernetesPlatformK8sIT {
  private static final KubernetesSettings SETTINGS = KubernetesSettings.from(Map.of());

  @Test
  void preflightThenDeployRollOutAndStopOnARealApiServer() {
    TestCluster cluster = TestCluster.shared();
    KubernetesClient client = cluster.client();
    Path repo = repo();
    List<String> progress = new ArrayList<>();
    KubernetesPlatform platform =
        new KubernetesPlatform(
            client,
            ChartInstaller.helm(repo, SETTINGS, cluster.kubeconfig()),
            SETTINGS,
            Duration.ofMillis(200),
            progress::add);

    assertThatThrownBy(platform::preflight)
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("namespace flashdeal")
        .hasMessageContaining("make kind-up");

    cluster.apply(repo.resolve("k8s/namespaces.yaml"));
    assertThatThrownBy(platform::preflight)
        .hasMessageContaining("secret flashdeal/flashdeal-admin")
        .hasMessageContaining("secret flashdeal/flashdeal-db-order")
        .hasMessageContaining("secret flashdeal-infra/postgres-credentials")
        .hasMessageContaining("service flashdeal-infra/postgres");

    cluster.prepareLikeKindUp(repo);
    cluster.apply(repo.resolve("k8s/postgres.yaml"));
    cluster.apply(repo.resolve("k8s/redis.yaml"));
    platform.preflight();

    long t0 = System.nanoTime();
    ChartInstaller.helm(repo, SETTINGS, cluster.kubeconfig()).install("phase1-db-atomic");
    platform.awaitRollout(Duration.ofSeconds(120));
    System.out.printf(
        "[k8s] phase1-db-atomic installed and rolled out in %d ms%n",
        Duration.ofNanos(System.nanoTime() - t0).toMillis());
    List<Deployment> deployments =
        client.apps().deployments().inNamespace(SETTINGS.namespace()).list().getItems();
    assertThat(deployments).hasSize(4);
    assertThat(deployments)
        .allSatisfy(d -> assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(1));

    platform.stop();
    assertThat(client.apps().deployments().inNamespace(SETTINGS.namespace()).list().getItems())
        .isEmpty();
    assertThat(client.pods().inNamespace(SETTINGS.namespace()).list().getItems()).isEmpty();
  }

  private static Path repo() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("charts/flashdeal"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}
