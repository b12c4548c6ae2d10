package com.flashdeal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.testcluster.TestCluster;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variant of the umbrella chart installed by Helm (helm-java) on a real control plane ({@link
 * TestCluster}): the API server validates every object (NetworkPolicies included), the flashdeal
 * namespace enforces the {@code restricted} Pod Security level, the Secrets come from
 * k8s/bootstrap-secrets.sh as on kind, and the Deployments roll out on kwok's fake node.
 */
class ChartInstallK8sIT {
  private static TestCluster cluster;
  private static KubernetesClient client;

  static Stream<String> variants() {
    return Charts.variantFiles().keySet().stream();
  }

  @BeforeAll
  static void namespacesAndSecrets() {
    cluster = TestCluster.shared();
    client = cluster.client();
    Charts.buildDependencies();
    cluster.prepareLikeKindUp(Charts.repo());
  }

  @ParameterizedTest
  @MethodSource("variants")
  void installsRollsOutAndUninstalls(String variant) throws IOException {
    Path values = Charts.variantFiles().get(variant);
    long t0 = System.nanoTime();
    install(values);
    System.out.printf(
        "[k8s] %s installed and rolled out in %d ms%n",
        variant, Duration.ofNanos(System.nanoTime() - t0).toMillis());
    try {
      List<Deployment> deployments =
          client.apps().deployments().inNamespace(Charts.NAMESPACE).list().getItems();
      assertThat(deployments)
          .extracting(d -> d.getMetadata().getName())
          .containsExactlyInAnyOrderElementsOf(Charts.SERVICES);
      for (Deployment d : deployments) {
        assertThat(d.getStatus().getAvailableReplicas()).as(d.getMetadata().getName()).isEqualTo(1);
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
            .containsEntry("flashdeal.io/variant", variant);
      }
      for (Pod pod : client.pods().inNamespace(Charts.NAMESPACE).list().getItems()) {
        assertThat(pod.getSpec().getNodeName()).isEqualTo("kwok-node-0");
      }
      assertThat(
              client
                  .network()
                  .v1()
                  .networkPolicies()
                  .inNamespace(Charts.NAMESPACE)
                  .list()
                  .getItems())
          .extracting(NetworkPolicy::getMetadata)
          .extracting(m -> m.getName())
          .containsExactlyInAnyOrderElementsOf(Charts.SERVICES);
      assertThat(
              client
                  .services()
                  .inNamespace(Charts.NAMESPACE)
                  .withName("product-service")
                  .get()
                  .getSpec()
                  .getPorts())
          .extracting(ServicePort::getName, ServicePort::getPort)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("http", 8082),
              org.assertj.core.groups.Tuple.tuple("internal", 9082));
      // Every Service found its pod: the endpoint controller ran against kwok's Ready pods.
      for (String service : Charts.SERVICES) {
        assertThat(
                client
                    .discovery()
                    .v1()
                    .endpointSlices()
                    .inNamespace(Charts.NAMESPACE)
                    .withLabel("kubernetes.io/service-name", service)
                    .list()
                    .getItems())
            .as(service + " endpoint slices")
            .isNotEmpty();
      }
    } finally {
      uninstall();
    }
  }

  /**
   * The local cluster's differences from kind (tools/cluster/flashdeal-values.yaml), layered over a
   * variant as `make deploy` and the harness do there: it installs, every service requests what a
   * 2-core node can hold, and the OTel agent exports nothing (no SigNoz on that cluster).
   */
  @Test
  void theLocalClusterValuesInstallOverAVariant() {
    install(
        Charts.variantFiles().get("phase1-db-atomic"),
        Charts.repo().resolve("tools/cluster/flashdeal-values.yaml"));
    try {
      List<Deployment> deployments =
          client.apps().deployments().inNamespace(Charts.NAMESPACE).list().getItems();
      assertThat(deployments).hasSize(Charts.SERVICES.size());
      for (Deployment d : deployments) {
        assertThat(d.getStatus().getAvailableReplicas()).as(d.getMetadata().getName()).isEqualTo(1);
        var requests =
            d.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources();
        assertThat(requests.getRequests().get("cpu").toString())
            .as(d.getMetadata().getName())
            .isEqualTo("100m");
      }
      assertThat(client.configMaps().inNamespace(Charts.NAMESPACE).list().getItems())
          .filteredOn(c -> c.getData() != null && c.getData().containsKey("OTEL_JAVAAGENT_ENABLED"))
          .hasSize(Charts.SERVICES.size())
          .allSatisfy(
              c -> assertThat(c.getData()).containsEntry("OTEL_JAVAAGENT_ENABLED", "false"));
    } finally {
      uninstall();
    }
  }

  /** helm upgrade --install of the umbrella chart with these values files (later ones win). */
  private static void install(Path... values) {
    var upgrade =
        new Helm(Charts.chart(Charts.UMBRELLA))
            .upgrade()
            .install()
            .withName(Charts.RELEASE)
            .withNamespace(Charts.NAMESPACE)
            .withKubeConfig(cluster.kubeconfig());
    for (Path v : values) {
      upgrade.withValuesFile(v);
    }
    upgrade.waitReady().withTimeout(120).call();
  }

  /** helm uninstall, then wait until its Deployments are gone. */
  private static void uninstall() {
    Helm.uninstall(Charts.RELEASE)
        .withNamespace(Charts.NAMESPACE)
        .withKubeConfig(cluster.kubeconfig())
        .call();
    TestCluster.await(
        () -> client.apps().deployments().inNamespace(Charts.NAMESPACE).list().getItems().isEmpty(),
        Duration.ofSeconds(60),
        "uninstall");
  }

  @Test
  void aPodThatBreaksTheRestrictedLevelIsRefused() {
    // No security context at all: root allowed, privilege escalation allowed, capabilities kept.
    Pod loose =
        new io.fabric8.kubernetes.api.model.PodBuilder()
            .withNewMetadata()
            .withName("loose")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .withImage("busybox")
            .endContainer()
            .endSpec()
            .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> client.pods().inNamespace(Charts.NAMESPACE).resource(loose).create())
        .hasMessageContaining("violates PodSecurity \"restricted");
  }
}
