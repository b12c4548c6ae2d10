package com.flashdeal.harness.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.Waiting;
import com.flashdeal.harness.platform.kubernetes.KubernetesSettings;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * k6 as a one-shot Job in the cluster: the scenario and the seeded users go in a ConfigMap, the Job
 * (classpath template k8s/k6-job.yaml) runs k6 against the in-cluster gateway, and the summary is
 * read from the pod log between two marker lines. Job and ConfigMap are deleted afterwards,
 * whatever happened.
 */
public final class K6Job implements LoadGenerator {
  static final String SUMMARY_BEGIN = "----- flashdeal k6 summary begin -----";
  static final String SUMMARY_END = "----- flashdeal k6 summary end -----";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final KubernetesSettings settings;
  private final Path scripts;
  private final URI inClusterGateway;
  private final Duration poll;
  private final Consumer<String> progress;

  public K6Job(
      KubernetesClient client,
      KubernetesSettings settings,
      Path scripts,
      URI inClusterGateway,
      Duration poll,
      Consumer<String> progress) {
    this.client = client;
    this.settings = settings;
    this.scripts = scripts;
    this.inClusterGateway = inClusterGateway;
    this.poll = poll;
    this.progress = progress;
  }

  @Override
  public LoadResult run(LoadRequest request, Path dir) {
    String name = "k6-" + Long.toString(System.currentTimeMillis(), 36);
    String ns = settings.namespace();
    try {
      client
          .configMaps()
          .inNamespace(ns)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .addToLabels("app.kubernetes.io/name", "k6")
                  .addToLabels("app.kubernetes.io/part-of", "flashdeal")
                  .endMetadata()
                  .addToData(Scenario.HELPER, Files.readString(scripts.resolve(Scenario.HELPER)))
                  .addToData(
                      request.scenario().script(),
                      Files.readString(scripts.resolve(request.scenario().script())))
                  .addToData("users.json", Files.readString(request.usersFile()))
                  .build())
          .create();
      Map<String, String> env = new java.util.HashMap<>(request.env());
      env.put("BASE_URL", inClusterGateway.toString());
      Job job = job(name, request.scenario(), env, request.expectedSeconds() + 300L);
      client.batch().v1().jobs().inNamespace(ns).resource(job).create();
      progress.accept("    k6 Job " + ns + "/" + name + " started");
      Duration limit = Duration.ofSeconds(request.expectedSeconds() + 360L);
      JobStatus status = awaitFinished(name, limit);
      Pod pod = podOf(name);
      String log = client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).getLog();
      Files.writeString(dir.resolve(request.scenario().id() + "-k6.log"), log == null ? "" : log);
      int exit = exitCode(pod);
      // 99 = thresholds crossed: a run that happened but is not valid; anything else is k6 failing.
      if (exit != 0 && exit != 99) {
        throw new HarnessException(
            "k6 Job "
                + name
                + " failed (exit "
                + exit
                + (status.getFailed() == null ? "" : ", " + status.getFailed() + " failed pod(s)")
                + "); log tail:\n"
                + tail(log));
      }
      String summary = summary(log);
      Files.writeString(dir.resolve(request.scenario().id() + "-summary.json"), summary);
      // The arrival lines are in the same log (k6 logs raw): the oracle needs them as locally.
      return new LoadResult(exit == 0, JSON.readTree(summary), Arrival.parseLog(log), -1, -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      // Foreground-free cleanup: the Job's pod goes with it (background propagation).
      client
          .batch()
          .v1()
          .jobs()
          .inNamespace(ns)
          .withName(name)
          .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
          .delete();
      client.configMaps().inNamespace(ns).withName(name).delete();
    }
  }

  /** The classpath template with this run's name, image, settings and scenario ConfigMap. */
  Job job(String name, Scenario scenario, Map<String, String> env, long activeDeadlineSeconds) {
    Job job;
    try (InputStream in = K6Job.class.getResourceAsStream("/k8s/k6-job.yaml")) {
      job = client.batch().v1().jobs().load(in).item();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    job.getMetadata().setName(name);
    job.getMetadata().setNamespace(settings.namespace());
    job.getSpec().setActiveDeadlineSeconds(activeDeadlineSeconds);
    var pod = job.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().getFirst();
    container.setImage(settings.k6Image());
    container.setArgs(
        List.of(
            "run",
            "--quiet",
            "--no-color",
            "--log-format",
            "raw",
            "/scenario/" + scenario.script()));
    env.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> container.getEnv().add(new EnvVar(e.getKey(), e.getValue(), null)));
    pod.getVolumes().stream()
        .filter(v -> v.getName().equals("scenario"))
        .forEach(v -> v.getConfigMap().setName(name));
    return job;
  }

  private JobStatus awaitFinished(String name, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Job job = client.batch().v1().jobs().inNamespace(settings.namespace()).withName(name).get();
      if (job == null) {
        throw new HarnessException("k6 Job " + name + " disappeared");
      }
      JobStatus s = job.getStatus();
      if (s != null && (positive(s.getSucceeded()) || positive(s.getFailed()))) {
        return s;
      }
      if (System.nanoTime() > deadline) {
        throw new HarnessException("k6 Job " + name + " did not finish within " + limit);
      }
      Waiting.sleep(poll);
    }
  }

  private Pod podOf(String job) {
    // Both labels: batch.kubernetes.io/job-name (1.27+) and the older job-name.
    for (String label : List.of("batch.kubernetes.io/job-name", "job-name")) {
      List<Pod> pods =
          client.pods().inNamespace(settings.namespace()).withLabel(label, job).list().getItems();
      if (!pods.isEmpty()) {
        return pods.getFirst();
      }
    }
    throw new HarnessException("k6 Job " + job + " finished but has no pod to read the log from");
  }

  static int exitCode(Pod pod) {
    return Optional.ofNullable(pod.getStatus())
        .map(s -> s.getContainerStatuses())
        .flatMap(cs -> cs.stream().filter(c -> c.getName().equals("k6")).findFirst())
        .map(ContainerStatus::getState)
        .map(st -> st.getTerminated())
        .map(ContainerStateTerminated::getExitCode)
        .orElseThrow(
            () ->
                new HarnessException(
                    "k6 pod " + pod.getMetadata().getName() + " has no terminated k6 container"));
  }

  /** The JSON between the marker lines of the pod log. */
  static String summary(String log) {
    if (log != null) {
      int begin = log.lastIndexOf(SUMMARY_BEGIN);
      int end = log.lastIndexOf(SUMMARY_END);
      if (begin >= 0 && end > begin) {
        return log.substring(begin + SUMMARY_BEGIN.length(), end).strip();
      }
    }
    throw new HarnessException("the k6 pod log holds no summary; log tail:\n" + tail(log));
  }

  private static String tail(String log) {
    if (log == null) {
      return "(no log)";
    }
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static boolean positive(Integer n) {
    return n != null && n > 0;
  }

  @Override
  public String version() {
    return "k6 "
        + settings.k6Image().substring(settings.k6Image().lastIndexOf(':') + 1)
        + " (Job, "
        + settings.k6Image()
        + ")";
  }
}
