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
 * The load generator as a one-shot Job in the cluster: the seeded users go in a ConfigMap, the Job
 * (classpath template k8s/load-job.yaml) runs the same Gatling simulation as a local run, on the
 * project's own JVM image, against the in-cluster gateway; the summary is read from the pod log
 * between two marker lines and the ledger from its arrival lines. Job and ConfigMap are deleted
 * afterwards, whatever happened.
 */
public final class GatlingJob implements LoadGenerator {
  static final String SUMMARY_BEGIN = "----- flashdeal load summary begin -----";
  static final String SUMMARY_END = "----- flashdeal load summary end -----";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final KubernetesSettings settings;
  private final URI inClusterGateway;
  private final Duration poll;
  private final Consumer<String> progress;

  public GatlingJob(
      KubernetesClient client,
      KubernetesSettings settings,
      URI inClusterGateway,
      Duration poll,
      Consumer<String> progress) {
    this.client = client;
    this.settings = settings;
    this.inClusterGateway = inClusterGateway;
    this.poll = poll;
    this.progress = progress;
  }

  @Override
  public LoadResult run(LoadRequest request, Path dir) {
    String name = "load-" + Long.toString(System.currentTimeMillis(), 36);
    String ns = settings.namespace();
    try {
      client
          .configMaps()
          .inNamespace(ns)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .addToLabels("app.kubernetes.io/name", "load")
                  .addToLabels("app.kubernetes.io/part-of", "flashdeal")
                  .endMetadata()
                  .addToData("users.json", Files.readString(request.usersFile()))
                  .build())
          .create();
      Map<String, String> env = new java.util.HashMap<>(request.env());
      env.put("BASE_URL", inClusterGateway.toString());
      Job job = job(name, request.scenario(), env, request.expectedSeconds() + 300L);
      client.batch().v1().jobs().inNamespace(ns).resource(job).create();
      progress.accept("    load Job " + ns + "/" + name + " started");
      Duration limit = Duration.ofSeconds(request.expectedSeconds() + 360L);
      JobStatus status = awaitFinished(name, limit, request);
      if (status == null) {
        // Asked to end early (a steady-state warm-up that has settled): the caller's figures are
        // its own windows. The pod must be gone before the caller goes on: a reset that empties
        // the tables while it still orders deadlocked with its reservations.
        stopNow(name);
        return new LoadResult(false, JSON.createObjectNode(), List.of(), -1, -1, null);
      }
      Pod pod = podOf(name);
      String log = client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).getLog();
      Files.writeString(
          dir.resolve(request.scenario().id() + "-gatling.log"), log == null ? "" : log);
      int exit = exitCode(pod);
      // 99 = a run that happened but is not a valid measurement; anything else is the run failing.
      if (exit != 0 && exit != 99) {
        throw new HarnessException(
            "load Job "
                + name
                + " failed (exit "
                + exit
                + (status.getFailed() == null ? "" : ", " + status.getFailed() + " failed pod(s)")
                + "); log tail:\n"
                + tail(log));
      }
      String summary = summary(log);
      Files.writeString(dir.resolve(request.scenario().id() + "-summary.json"), summary);
      // The arrival lines are in the same log: the oracle needs them as locally.
      return new LoadResult(exit == 0, JSON.readTree(summary), Arrival.parseLog(log), -1, -1, null);
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
    try (InputStream in = GatlingJob.class.getResourceAsStream("/k8s/load-job.yaml")) {
      job = client.batch().v1().jobs().load(in).item();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    job.getMetadata().setName(name);
    job.getMetadata().setNamespace(settings.namespace());
    job.getSpec().setActiveDeadlineSeconds(activeDeadlineSeconds);
    var pod = job.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().getFirst();
    container.setImage(settings.loadImage());
    container.setArgs(List.of(scenario.id()));
    env.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> container.getEnv().add(new EnvVar(e.getKey(), e.getValue(), null)));
    pod.getVolumes().stream()
        .filter(v -> v.getName().equals("scenario"))
        .forEach(v -> v.getConfigMap().setName(name));
    return job;
  }

  /**
   * The Job's final status, or null when the request's stop completed first. Meanwhile the pod log
   * is read for the generator's first-arrival line, so faults and windows are timed from the first
   * buyer, not from the pod's JVM start.
   */
  private JobStatus awaitFinished(String name, Duration limit, LoadRequest request) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      if (request.stop().isDone()) {
        return null;
      }
      if (!request.firstArrival().isDone() && firstArrivalLogged(name)) {
        request.firstArrival().complete(System.currentTimeMillis());
      }
      Job job = client.batch().v1().jobs().inNamespace(settings.namespace()).withName(name).get();
      if (job == null) {
        throw new HarnessException("load Job " + name + " disappeared");
      }
      JobStatus s = job.getStatus();
      if (s != null && (positive(s.getSucceeded()) || positive(s.getFailed()))) {
        request.firstArrival().complete(System.currentTimeMillis());
        return s;
      }
      if (System.nanoTime() > deadline) {
        throw new HarnessException("load Job " + name + " did not finish within " + limit);
      }
      Waiting.sleep(poll);
    }
  }

  private boolean firstArrivalLogged(String job) {
    try {
      Pod pod = podOf(job);
      String log =
          client
              .pods()
              .inNamespace(settings.namespace())
              .withName(pod.getMetadata().getName())
              .getLog();
      return log != null && log.contains(LoadRequest.FIRST_ARRIVAL_MARK);
    } catch (RuntimeException e) {
      return false; // no pod yet, or its container has not started
    }
  }

  /** Deletes the Job now and waits until its pod is gone (no request of it is left in flight). */
  private void stopNow(String job) {
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(settings.namespace())
        .withName(job)
        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.FOREGROUND)
        .withGracePeriod(0)
        .delete();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && !podsOf(job).isEmpty()) {
      Waiting.sleep(poll);
    }
  }

  /**
   * The Job's pods, by the first label that finds any: batch.kubernetes.io/job-name (1.27+), then
   * the older job-name.
   */
  private List<Pod> podsOf(String job) {
    for (String label : List.of("batch.kubernetes.io/job-name", "job-name")) {
      List<Pod> pods =
          client.pods().inNamespace(settings.namespace()).withLabel(label, job).list().getItems();
      if (!pods.isEmpty()) {
        return pods;
      }
    }
    return List.of();
  }

  private Pod podOf(String job) {
    List<Pod> pods = podsOf(job);
    if (pods.isEmpty()) {
      throw new HarnessException(
          "load Job " + job + " finished but has no pod to read the log from");
    }
    return pods.getFirst();
  }

  static int exitCode(Pod pod) {
    return Optional.ofNullable(pod.getStatus())
        .map(s -> s.getContainerStatuses())
        .flatMap(cs -> cs.stream().filter(c -> c.getName().equals("load")).findFirst())
        .map(ContainerStatus::getState)
        .map(st -> st.getTerminated())
        .map(ContainerStateTerminated::getExitCode)
        .orElseThrow(
            () ->
                new HarnessException(
                    "load pod "
                        + pod.getMetadata().getName()
                        + " has no terminated load container"));
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
    throw new HarnessException("the load pod log holds no summary; log tail:\n" + tail(log));
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
    return "Gatling " + GatlingReports.VERSION + " (Job, " + settings.loadImage() + ")";
  }
}
