package com.flashdeal.harness.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness forwards to a pod that serves: after a {@code helm upgrade} the previous variant's
 * pod may still be terminating under the same labels, and a forward to it answers nothing.
 */
class PortForwardTargetTest {

  private static Pod pod(String name, boolean ready, boolean terminating) {
    PodBuilder b =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .addNewPort()
            .withName("http")
            .withContainerPort(8080)
            .endPort()
            .endContainer()
            .endSpec()
            .withNewStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus(ready ? "True" : "False")
            .endCondition()
            .endStatus();
    if (terminating) {
      b.editMetadata().withDeletionTimestamp("2026-12-06T22:00:00Z").endMetadata();
    }
    return b.build();
  }

  @Test
  void aTerminatingPodOfThePreviousVariantIsNotChosen() {
    Pod old = pod("gateway-old", true, true);
    Pod starting = pod("gateway-new-2", false, false);
    Pod fresh = pod("gateway-new", true, false);
    assertThat(KubernetesPlatform.servingPod(List.of(old, starting, fresh)))
        .get()
        .extracting(p -> p.getMetadata().getName())
        .isEqualTo("gateway-new");
    assertThat(KubernetesPlatform.servingPod(List.of(old, starting))).isEmpty();
  }

  @Test
  void aNamedTargetPortIsTheContainersPort() {
    var svc =
        new ServiceBuilder()
            .withNewSpec()
            .addNewPort()
            .withPort(80)
            .withTargetPort(new IntOrString("http"))
            .endPort()
            .endSpec()
            .build();
    assertThat(KubernetesPlatform.targetPort(svc, 80, pod("p", true, false))).isEqualTo(8080);
  }
}
