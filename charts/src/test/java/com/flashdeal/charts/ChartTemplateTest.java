package com.flashdeal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * helm template of the umbrella chart for every variant, parsed by fabric8 and checked object by
 * object: labels, probes, resources, secure defaults, telemetry settings, no inline secrets, and
 * service-to-service URLs that point at Services that exist.
 */
class ChartTemplateTest {
  /** A setting whose name says it is secret must come from a Secret, never from a value. */
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY)$");

  private static final Pattern IN_CLUSTER_URL = Pattern.compile("^https?://([a-z0-9-]+):(\\d+)");

  static Stream<String> variants() {
    return Charts.variantFiles().keySet().stream();
  }

  private static List<HasMetadata> render(String variant) {
    return Charts.renderUmbrella(Charts.variantFiles().get(variant), Map.of());
  }

  @ParameterizedTest
  @MethodSource("variants")
  void rendersExactlyTheSystemAndNoSecrets(String variant) {
    List<HasMetadata> objects = render(variant);
    for (Class<? extends HasMetadata> type :
        List.of(Deployment.class, Service.class, ConfigMap.class, NetworkPolicy.class)) {
      assertThat(Charts.ofType(objects, type))
          .extracting(o -> o.getMetadata().getName())
          .as(type.getSimpleName())
          .containsExactlyInAnyOrderElementsOf(Charts.SERVICES);
    }
    assertThat(Charts.ofType(objects, Secret.class)).as("secrets are never rendered").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void everyObjectCarriesTheStandardLabels(String variant) {
    for (HasMetadata o : render(variant)) {
      assertThat(o.getMetadata().getLabels())
          .as(o.getKind() + " " + o.getMetadata().getName())
          .containsKey("app.kubernetes.io/name")
          .containsEntry("app.kubernetes.io/instance", Charts.RELEASE)
          .containsEntry("app.kubernetes.io/part-of", "flashdeal")
          .containsEntry("app.kubernetes.io/managed-by", "Helm");
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void deploymentsAreProbedBoundedAndLockedDown(String variant) throws java.io.IOException {
    Map<String, String> settings = VariantValuesTest.envFiles().get(variant);
    for (Deployment d : Charts.ofType(render(variant), Deployment.class)) {
      String name = d.getMetadata().getName();
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
          .as(name + " pod labels")
          .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels())
          .containsEntry("flashdeal.io/variant", variant);
      assertThat(pod.getAutomountServiceAccountToken()).isFalse();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .isEqualTo("RuntimeDefault");
      assertThat(pod.getContainers()).hasSize(1);
      Container c = pod.getContainers().getFirst();
      // Another stack of a service (FLASHDEAL_ORDER_STACK=micronaut) is an image of its own.
      String stack =
          settings.get(
              "FLASHDEAL_"
                  + name.replace("-service", "").toUpperCase(java.util.Locale.ROOT)
                  + "_STACK");
      assertThat(c.getImage())
          .isEqualTo("flashdeal/" + name + (stack == null ? "" : "-" + stack) + ":dev");
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(c.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
      assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
      assertThat(c.getResources().getLimits()).containsKey("memory");
      assertProbe(c.getStartupProbe(), "/actuator/health/liveness");
      assertProbe(c.getLivenessProbe(), "/actuator/health/liveness");
      assertProbe(c.getReadinessProbe(), "/actuator/health/readiness");
      assertThat(c.getEnvFrom()).anyMatch(e -> name.equals(e.getConfigMapRef().getName()));
    }
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  @ParameterizedTest
  @MethodSource("variants")
  void telemetryNamesTheServiceAndTheVariant(String variant) {
    List<HasMetadata> objects = render(variant);
    for (String service : Charts.SERVICES) {
      Map<String, String> env = Charts.named(objects, ConfigMap.class, service).getData();
      assertThat(env)
          .containsEntry("OTEL_SERVICE_NAME", service)
          .containsEntry("OTEL_JAVAAGENT_ENABLED", "true")
          .containsEntry(
              "OTEL_EXPORTER_OTLP_ENDPOINT",
              "http://signoz-otel-collector.signoz.svc.cluster.local:4317");
      assertThat(env.get("OTEL_RESOURCE_ATTRIBUTES")).contains("deployment.environment=" + variant);
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void secretsComeOnlyFromExistingSecrets(String variant) {
    List<HasMetadata> objects = render(variant);
    for (ConfigMap cm : Charts.ofType(objects, ConfigMap.class)) {
      cm.getData()
          .forEach(
              (k, v) -> {
                assertThat(k).as("ConfigMap key " + k).doesNotMatch(SECRET_NAME);
                assertThat(v).doesNotContain("PRIVATE KEY");
              });
    }
    for (Deployment d : Charts.ofType(objects, Deployment.class)) {
      List<EnvVar> env = d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
      for (EnvVar e : env) {
        if (SECRET_NAME.matcher(e.getName()).matches()) {
          assertThat(e.getValue()).as(e.getName() + " inline").isNull();
          assertThat(e.getValueFrom().getSecretKeyRef().getName()).isNotBlank();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void portsLineUpAndServiceUrlsPointAtRenderedServices(String variant) {
    List<HasMetadata> objects = render(variant);
    for (String service : Charts.SERVICES) {
      Deployment d = Charts.named(objects, Deployment.class, service);
      Service svc = Charts.named(objects, Service.class, service);
      int containerPort =
          d.getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .getFirst()
              .getPorts()
              .getFirst()
              .getContainerPort();
      assertThat(svc.getSpec().getPorts().getFirst().getPort()).isEqualTo(containerPort);
      assertThat(svc.getSpec().getSelector()).isEqualTo(d.getSpec().getSelector().getMatchLabels());
      // the service binds the port the Deployment exposes
      assertThat(Charts.named(objects, ConfigMap.class, service).getData())
          .containsValue(Integer.toString(containerPort));
    }
    for (ConfigMap cm : Charts.ofType(objects, ConfigMap.class)) {
      cm.getData()
          .forEach(
              (k, v) -> {
                Matcher m = IN_CLUSTER_URL.matcher(v);
                if (m.find()) {
                  Service target = Charts.named(objects, Service.class, m.group(1));
                  assertThat(target.getSpec().getPorts())
                      .extracting(ServicePort::getPort)
                      .as(cm.getMetadata().getName() + " " + k)
                      .contains(Integer.parseInt(m.group(2)));
                }
              });
    }
  }

  /**
   * Least privilege, derived rather than listed: on every port of every service, the NetworkPolicy
   * lets in exactly the services whose settings call that port (a URL in their ConfigMap), and
   * nobody else; only the gateway's public port is open to anyone. A URL added without its policy,
   * or a policy wider than the calls, fails here.
   */
  @ParameterizedTest
  @MethodSource("variants")
  void networkPoliciesLetInExactlyTheCallersOfEachPort(String variant) {
    List<HasMetadata> objects = render(variant);
    Map<String, Set<String>> callers = new TreeMap<>(); // "service:port" -> calling services
    for (ConfigMap cm : Charts.ofType(objects, ConfigMap.class)) {
      for (String value : cm.getData().values()) {
        Matcher m = IN_CLUSTER_URL.matcher(value);
        if (m.find() && Charts.SERVICES.contains(m.group(1))) {
          callers
              .computeIfAbsent(m.group(1) + ":" + m.group(2), x -> new TreeSet<>())
              .add(cm.getMetadata().getName());
        }
      }
    }
    Map<String, Set<String>> allowed = new TreeMap<>();
    for (String service : Charts.SERVICES) {
      Service svc = Charts.named(objects, Service.class, service);
      NetworkPolicy policy = Charts.named(objects, NetworkPolicy.class, service);
      assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
      assertThat(policy.getSpec().getPodSelector().getMatchLabels())
          .isEqualTo(svc.getSpec().getSelector());
      for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
        for (NetworkPolicyPort port : rule.getPorts()) {
          int number =
              svc.getSpec().getPorts().stream()
                  .filter(p -> p.getName().equals(port.getPort().getStrVal()))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError(service + " has no port " + port))
                  .getPort();
          Set<String> from = allowed.computeIfAbsent(service + ":" + number, x -> new TreeSet<>());
          if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
            from.add("*");
          }
          for (NetworkPolicyPeer peer : Optional.ofNullable(rule.getFrom()).orElse(List.of())) {
            Map<String, String> labels = peer.getPodSelector().getMatchLabels();
            assertThat(labels).containsEntry("app.kubernetes.io/instance", Charts.RELEASE);
            from.add(labels.get("app.kubernetes.io/name"));
          }
        }
      }
    }
    Map<String, Set<String>> expected = new TreeMap<>(callers);
    expected.put("gateway:8080", Set.of("*"));
    assertThat(allowed).isEqualTo(expected);
    // What that means, spelled out: the internal APIs are reached by their one caller each.
    assertThat(allowed)
        .containsEntry("product-service:9082", Set.of("order-service"))
        .containsEntry("order-service:9083", Set.of("product-service"))
        .containsEntry("product-service:8082", Set.of("gateway", "order-service"));
  }

  /**
   * helm-java's template returns the release manifest without hooks, so the test pod is parsed from
   * its template with the two values it uses filled in the way Helm would.
   */
  @org.junit.jupiter.api.Test
  void helmTestCallsTheGatewayReadiness() throws java.io.IOException {
    String template =
        java.nio.file.Files.readString(
            Charts.chart(Charts.UMBRELLA).resolve("templates/tests/gateway-ready.yaml"));
    String rendered =
        template
            .replaceAll("(?s)\\{\\{-? /\\*.*?\\*/ ?-?\\}\\}\\n", "")
            .replace("{{ .Release.Name }}", Charts.RELEASE)
            .replace("{{ .Chart.Name }}", Charts.UMBRELLA)
            .replace("{{ .Release.Service }}", "Helm")
            .replace("{{ .Values.tests.image | quote }}", "\"busybox:1.37\"")
            .replace("{{ .Values.gateway.port | default 8080 }}", "8080");
    assertThat(rendered).doesNotContain("{{");
    Pod test = (Pod) Charts.parse(rendered).getFirst();
    assertThat(test.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "test");
    assertThat(test.getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(test.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(String.join(" ", test.getSpec().getContainers().getFirst().getCommand()))
        .contains("http://gateway:8080/actuator/health/readiness");
  }
}
