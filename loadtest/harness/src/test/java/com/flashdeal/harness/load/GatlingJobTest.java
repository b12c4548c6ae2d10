package com.flashdeal.harness.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.platform.kubernetes.KubernetesSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load Job lifecycle against fabric8's mock API server in CRUD mode; the test plays the Job
 * controller and the kubelet: it waits for the Job, creates its pod with the exit code and log the
 * generator would leave, and marks the Job finished.
 */
@EnableKubernetesMockClient(crud = true)
class GatlingJobTest {
  static KubernetesMockServer server;
  static KubernetesClient client;

  private static final KubernetesSettings SETTINGS = KubernetesSettings.from(Map.of());
  private static final String SUMMARY =
      """
      {"metrics":{"http_reqs{stage:measured}":{"values":{"count":300}},
      "orders_created{stage:measured}":{"values":{"count":60}},
      "orders_created":{"values":{"count":60}},
      "http_req_duration{stage:measured}":{"values":{"p(50)":12.5,"p(95)":80,"p(99)":210.5,"p(99.9)":400}},
      "journey_errors{stage:measured}":{"values":{"rate":0.01}}}}""";

  @TempDir Path dir;

  private record Seen(Job job, ConfigMap scenario) {}

  /** Runs the Job; the "controller" finishes it with this exit code and log. */
  private LoadResult run(int exitCode, String log, AtomicReference<Seen> seen) throws IOException {
    Path users = Files.writeString(dir.resolve("users.json"), "[{\"email\":\"a@b.c\"}]");
    GatlingJob job =
        new GatlingJob(
            client, SETTINGS, URI.create("http://gateway:8080"), Duration.ofMillis(50), s -> {});
    CompletableFuture<Void> controller =
        CompletableFuture.runAsync(() -> actAsController(exitCode, log, seen));
    try {
      return job.run(
          new LoadRequest(
              Scenario.SALE,
              URI.create("http://127.0.0.1:1"),
              users,
              Map.of("DEAL_ID", "42", "RATE", "20"),
              15),
          dir);
    } finally {
      controller.join();
    }
  }

  private void actAsController(int exitCode, String log, AtomicReference<Seen> seen) {
    Job job = null;
    while (job == null) {
      var jobs = client.batch().v1().jobs().inNamespace("flashdeal").list().getItems();
      job = jobs.isEmpty() ? null : jobs.getFirst();
      Thread.onSpinWait();
    }
    String name = job.getMetadata().getName();
    seen.set(new Seen(job, client.configMaps().inNamespace("flashdeal").withName(name).get()));
    String pod = name + "-x7k2p";
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/flashdeal/pods/" + pod + "/log?pretty=false")
        .andReturn(200, log)
        .always();
    client
        .pods()
        .inNamespace("flashdeal")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(pod)
                .addToLabels("batch.kubernetes.io/job-name", name)
                .endMetadata()
                .withNewStatus()
                .addNewContainerStatus()
                .withName("load")
                .withNewState()
                .withNewTerminated()
                .withExitCode(exitCode)
                .endTerminated()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build())
        .create();
    job.setStatus(
        exitCode == 0
            ? new JobStatusBuilder().withSucceeded(1).build()
            : new JobStatusBuilder().withFailed(1).build());
    client.batch().v1().jobs().inNamespace("flashdeal").resource(job).updateStatus();
  }

  private static String log(String summary) {
    return "12:00:00.000 WARN  noise before\ngatling: sale of deal 42: 60 orders created\n"
        + GatlingJob.SUMMARY_BEGIN
        + "\n"
        + summary.replace("\n", "")
        + "\n"
        + GatlingJob.SUMMARY_END
        + "\n";
  }

  @Test
  void aJobRunsTheScenarioAndItsSummaryIsReadFromThePodLog() throws IOException {
    AtomicReference<Seen> seen = new AtomicReference<>();
    LoadResult result = run(0, "A|0|1000|1010|201||id-0|42|1|10.5\n" + log(SUMMARY), seen);

    assertThat(result.valid()).isTrue();
    assertThat(result.count("orders_created")).isEqualTo(60.0);
    assertThat(result.trend("http_req_duration{stage:measured}", "p(99)")).isEqualTo(210.5);
    assertThat(result.arrivals())
        .as("the arrival lines come from the same pod log")
        .containsExactly(new Arrival(0, 1000, 1010, 201, "", "id-0", 42, 1, 10.5));
    assertThat(Files.readString(dir.resolve("sale-summary.json"))).contains("http_reqs");

    Job job = seen.get().job();
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    var c = pod.getContainers().getFirst();
    assertThat(c.getImage()).isEqualTo("flashdeal/load-gatling:dev");
    assertThat(c.getEnv())
        .anyMatch(e -> e.getName().equals("BASE_URL") && e.getValue().equals("http://gateway:8080"))
        .anyMatch(e -> e.getName().equals("DEAL_ID") && e.getValue().equals("42"))
        .anyMatch(e -> e.getName().equals("SUMMARY_PATH") && e.getValue().equals("stdout"));
    assertThat(pod.getVolumes())
        .anyMatch(
            v ->
                v.getConfigMap() != null
                    && v.getConfigMap().getName().equals(job.getMetadata().getName()));
    assertThat(seen.get().scenario().getData())
        .containsOnlyKeys("users.json")
        .containsEntry("users.json", "[{\"email\":\"a@b.c\"}]");
    assertThat(c.getArgs()).as("the simulation by its id").containsExactly("sale");
    assertThat(c.getEnv())
        .anyMatch(e -> e.getName().equals("LEDGER_PATH") && e.getValue().equals("stdout"))
        .anyMatch(e -> e.getName().equals("GATLING_REPORT") && e.getValue().equals("off"));

    assertThat(client.batch().v1().jobs().inNamespace("flashdeal").list().getItems())
        .as("Job deleted afterwards")
        .isEmpty();
    assertThat(client.configMaps().inNamespace("flashdeal").list().getItems()).isEmpty();
  }

  @Test
  void anInvalidMeasurementIsReportedNotAnError() throws IOException {
    LoadResult r = run(99, log(SUMMARY), new AtomicReference<>());
    assertThat(r.valid()).isFalse();
    assertThat(r.count("http_reqs{stage:measured}")).isEqualTo(300.0);
  }

  @Test
  void theGeneratorFailingToRunIsAnErrorWithTheLogTailAndStillCleansUp() {
    assertThatThrownBy(
            () ->
                run(
                    107,
                    "ERROR cannot read the users file /scenario/users.json\n",
                    new AtomicReference<>()))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("exit 107")
        .hasMessageContaining("cannot read the users file");
    assertThat(client.batch().v1().jobs().inNamespace("flashdeal").list().getItems()).isEmpty();
    assertThat(client.configMaps().inNamespace("flashdeal").list().getItems()).isEmpty();
  }

  @Test
  void aLogWithoutTheSummaryIsReported() {
    assertThatThrownBy(() -> run(0, "gatling: sale of deal 42\n", new AtomicReference<>()))
        .hasMessageContaining("holds no summary");
  }
}
