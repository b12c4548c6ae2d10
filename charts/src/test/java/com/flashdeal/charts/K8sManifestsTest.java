package com.flashdeal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster add-ons in k8s/ (not Helm-managed) parse as Kubernetes objects, are locked down like
 * the charts, and agree with what the charts expect: host, port, database and role names, secrets.
 */
class K8sManifestsTest {
  private static final List<String> DATABASES = List.of("auth", "product", "order");

  private static List<HasMetadata> load(String file) throws IOException {
    return Charts.parse(Files.readString(Charts.repo().resolve("k8s").resolve(file)));
  }

  private static List<HasMetadata> all() throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    for (String f : List.of("namespaces.yaml", "postgres.yaml", "redis.yaml", "rabbitmq.yaml")) {
      objects.addAll(load(f));
    }
    return objects;
  }

  @Test
  void namespacesOfTheLab() throws IOException {
    assertThat(Charts.ofType(load("namespaces.yaml"), Namespace.class))
        .extracting(n -> n.getMetadata().getName())
        .containsExactlyInAnyOrder("flashdeal", "flashdeal-infra", "signoz");
  }

  @Test
  void workloadsAreLockedDownAndBounded() throws IOException {
    List<HasMetadata> objects = all();
    List<PodSpec> pods = new ArrayList<>();
    Charts.ofType(objects, StatefulSet.class)
        .forEach(s -> pods.add(s.getSpec().getTemplate().getSpec()));
    Charts.ofType(objects, Deployment.class)
        .forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
    assertThat(pods).hasSize(3);
    for (PodSpec pod : pods) {
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getAutomountServiceAccountToken()).isFalse();
      for (Container c : pod.getContainers()) {
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKey("memory");
        assertThat(c.getReadinessProbe()).as(c.getName() + " readiness").isNotNull();
        // Passwords only by reference: a literal value under a PASSWORD name would be an inline
        // secret.
        assertThat(c.getEnv())
            .filteredOn(e -> e.getName().contains("PASSWORD"))
            .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull());
      }
    }
  }

  /** The charts' JDBC URLs and roles are what the PostgreSQL init script creates. */
  @Test
  void chartsAndPostgresAgreeOnDatabasesRolesAndAddress() throws IOException {
    List<HasMetadata> infra = load("postgres.yaml");
    Service pg = Charts.named(infra, Service.class, "postgres");
    String host =
        "%s.%s.svc.cluster.local:%d"
            .formatted(
                pg.getMetadata().getName(),
                pg.getMetadata().getNamespace(),
                pg.getSpec().getPorts().getFirst().getPort());
    String init =
        Charts.named(infra, ConfigMap.class, "postgres-init").getData().get("10-flashdeal.sh");
    assertThat(init)
        .contains("for svc in " + String.join(" ", DATABASES) + "; do")
        .contains("role=\"${svc}_service\"")
        .contains("db=\"flashdeal_${svc}\"")
        .contains("REVOKE ALL ON DATABASE");

    List<HasMetadata> system =
        Charts.renderUmbrella(Charts.variantFiles().values().iterator().next(), Map.of());
    for (String db : DATABASES) {
      Map<String, String> env = Charts.named(system, ConfigMap.class, db + "-service").getData();
      String prefix = "FLASHDEAL_" + db.toUpperCase() + "_DB_";
      assertThat(env)
          .containsEntry(prefix + "URL", "jdbc:postgresql://" + host + "/flashdeal_" + db)
          .containsEntry(prefix + "USER", db + "_service");
    }
  }

  /** The services' broker URL (bootstrap-secrets.sh) points at the RabbitMQ Service and vhost. */
  @Test
  void theBrokerUrlPointsAtTheRabbitMqService() throws IOException {
    Service rabbit = Charts.named(load("rabbitmq.yaml"), Service.class, "rabbitmq");
    String script = Files.readString(Charts.repo().resolve("k8s/bootstrap-secrets.sh"));
    assertThat(script)
        .contains(
            "@%s.%s.svc.cluster.local:%d/flashdeal"
                .formatted(
                    rabbit.getMetadata().getName(),
                    rabbit.getMetadata().getNamespace(),
                    rabbit.getSpec().getPorts().getFirst().getPort()));
  }

  /**
   * Redis requires the password of its Secret, and the services' Redis URL (bootstrap-secrets.sh)
   * carries it to the Redis Service: no client connects without credentials.
   */
  @Test
  void redisRequiresThePasswordTheServicesUrlCarries() throws IOException {
    List<HasMetadata> redis = load("redis.yaml");
    Service svc = Charts.named(redis, Service.class, "redis");
    Deployment d = Charts.named(redis, Deployment.class, "redis");
    var c = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
    assertThat(c.getArgs()).containsSequence("--requirepass", "$(REDIS_PASSWORD)");
    assertThat(c.getEnv())
        .anyMatch(
            e ->
                e.getName().equals("REDIS_PASSWORD")
                    && e.getValueFrom().getSecretKeyRef().getName().equals("redis-credentials"));
    String script = Files.readString(Charts.repo().resolve("k8s/bootstrap-secrets.sh"));
    assertThat(script)
        .contains("apply_secret flashdeal-infra redis-credentials")
        .contains(
            "redis://:$(field flashdeal-infra redis-credentials password)@%s.%s.svc.cluster.local:%d"
                .formatted(
                    svc.getMetadata().getName(),
                    svc.getMetadata().getNamespace(),
                    svc.getSpec().getPorts().getFirst().getPort()));
    for (String chart : List.of("gateway", "product-service")) {
      assertThat(Files.readString(Charts.repo().resolve("charts/" + chart + "/values.yaml")))
          .as(chart + " takes its Redis URL from the Secret, never inline")
          .contains("existingSecret: flashdeal-redis")
          .doesNotContain("FLASHDEAL_REDIS_URL: redis://");
    }
  }

  /** Every Secret the charts, PostgreSQL and SigNoz read is created by the bootstrap script. */
  @Test
  void bootstrapCreatesEverySecretThatIsReferenced() throws IOException {
    String script = Files.readString(Charts.repo().resolve("k8s/bootstrap-secrets.sh"));
    Path signoz = Charts.repo().resolve("observability/signoz-values.yaml");
    assertThat(script)
        .contains("apply_secret flashdeal-infra postgres-credentials")
        .contains("postgres-password=")
        .contains("apply_secret flashdeal \"flashdeal-db-$svc\"")
        .contains("apply_secret flashdeal flashdeal-admin")
        .contains("apply_secret flashdeal flashdeal-jwt --from-file=private-key.pem=")
        .contains("apply_secret signoz signoz-root")
        .contains("apply_secret flashdeal-infra rabbitmq-credentials")
        .contains("apply_secret flashdeal flashdeal-rabbitmq")
        .contains("apply_secret flashdeal flashdeal-redis");
    for (String db : DATABASES) {
      assertThat(script).contains("--from-literal=" + db + "-password=");
    }
    assertThat(Files.readString(signoz)).contains("name: signoz-root");
    List<HasMetadata> system =
        Charts.renderUmbrella(Charts.variantFiles().values().iterator().next(), Map.of());
    for (Deployment d : Charts.ofType(system, Deployment.class)) {
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      pod.getVolumes().stream()
          .filter(v -> v.getSecret() != null)
          .forEach(v -> assertThat(script).contains(v.getSecret().getSecretName()));
      pod.getContainers().getFirst().getEnv().stream()
          .filter(e -> e.getValueFrom() != null)
          .map(e -> e.getValueFrom().getSecretKeyRef().getName())
          .forEach(
              n ->
                  assertThat(script).contains(n.startsWith("flashdeal-db-") ? "flashdeal-db-" : n));
    }
  }
}
