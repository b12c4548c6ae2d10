package com.flashdeal.harness.platform.kubernetes;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.Waiting;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.platform.StateReset;
import com.flashdeal.localdeps.Bootstrap;
import com.flashdeal.localdeps.ServiceDatabase;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A variant on a Kubernetes cluster prepared by `make kind-up` (namespaces, PostgreSQL, Redis,
 * secrets, SigNoz): reset = recreate the service databases and empty Redis; deploy = install the
 * umbrella chart with the variant's values and wait for the rollout; stop = uninstall. The harness
 * reaches the gateway and PostgreSQL through port-forwards, so any cluster works, not only kind.
 */
public final class KubernetesPlatform implements Platform {
  /** Waiting reasons that will not fix themselves: fail at once instead of at the timeout. */
  private static final Set<String> HOPELESS =
      Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName");

  /**
   * Reasons that are often passing (a kubelet that has not yet been allowed to read a new pod's
   * Secret: "failed to sync secret cache") but hopeless when they last: fail after this long.
   */
  private static final Set<String> HOPELESS_IF_THEY_LAST =
      Set.of("CreateContainerConfigError", "CreateContainerError");

  private static final Duration LASTING = Duration.ofSeconds(30);

  /** When each pod's container was first seen waiting for a reason of HOPELESS_IF_THEY_LAST. */
  private final Map<String, Long> waitingSince = new java.util.HashMap<>();

  private final KubernetesClient client;
  private final ChartInstaller charts;
  private final KubernetesSettings settings;
  private final Duration poll;
  private final Consumer<String> progress;
  private final List<LocalPortForward> forwards = new ArrayList<>();

  public KubernetesPlatform(
      KubernetesClient client,
      ChartInstaller charts,
      KubernetesSettings settings,
      Duration poll,
      Consumer<String> progress) {
    this.client = client;
    this.charts = charts;
    this.settings = settings;
    this.poll = poll;
    this.progress = progress;
  }

  /** What `make kind-up` creates and every run needs; checked before anything is touched. */
  public void preflight() {
    List<String> missing = new ArrayList<>();
    for (String ns : List.of(settings.namespace(), settings.infraNamespace())) {
      if (client.namespaces().withName(ns).get() == null) {
        missing.add("namespace " + ns);
      }
    }
    if (missing.isEmpty()) {
      List<String> secrets =
          new ArrayList<>(List.of("flashdeal-admin", "flashdeal-jwt", "flashdeal-service-clients"));
      ServiceDatabase.SERVICES.forEach(s -> secrets.add("flashdeal-db-" + s));
      for (String s : secrets) {
        if (secret(settings.namespace(), s) == null) {
          missing.add("secret " + settings.namespace() + "/" + s);
        }
      }
      if (secret(settings.infraNamespace(), "postgres-credentials") == null) {
        missing.add("secret " + settings.infraNamespace() + "/postgres-credentials");
      }
      for (String svc : List.of("postgres", "redis")) {
        if (client.services().inNamespace(settings.infraNamespace()).withName(svc).get() == null) {
          missing.add("service " + settings.infraNamespace() + "/" + svc);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new HarnessException(
          "the cluster is not prepared ("
              + String.join(", ", missing)
              + "); run `make kind-up` first (context: "
              + client.getConfiguration().getCurrentContext().getName()
              + ")");
    }
  }

  @Override
  public void prepare(boolean keepUsers) {
    preflight();
    stop();
    progress.accept(
        "    recreating the service databases"
            + (keepUsers ? " (auth kept: --reuse-users)" : "")
            + ", emptying Redis");
    try (LocalPortForward pg = forward(settings.infraNamespace(), "postgres", 5432);
        Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pg.getLocalPort() + "/postgres",
                "postgres",
                field(settings.infraNamespace(), "postgres-credentials", "postgres-password"));
        Statement st = c.createStatement()) {
      for (ServiceDatabase db : databases()) {
        if (keepUsers && db.service().equals("auth")) {
          continue;
        }
        st.execute(
            "DROP DATABASE IF EXISTS " + Bootstrap.identifier(db.database()) + " WITH (FORCE)");
        for (String sql : Bootstrap.roleAndDatabase(db, false)) {
          st.execute(sql);
        }
      }
    } catch (SQLException | IOException e) {
      throw new HarnessException("cannot reset the databases: " + e.getMessage(), e);
    }
    // Redis requires the password of its Secret (k8s/redis.yaml); an older lab without one takes
    // none.
    Secret redisSecret = secret(settings.infraNamespace(), "redis-credentials");
    String redisPassword =
        redisSecret == null
            ? null
            : field(settings.infraNamespace(), "redis-credentials", "password");
    try (LocalPortForward redis = forward(settings.infraNamespace(), "redis", 6379)) {
      flushRedis(redis.getLocalPort(), redisPassword);
    } catch (IOException e) {
      throw new HarnessException("cannot empty Redis: " + e.getMessage(), e);
    }
  }

  @Override
  public Deployment deploy(String variant) {
    progress.accept(
        "    helm upgrade --install " + settings.release() + " (values-" + variant + ".yaml)");
    charts.install(variant);
    awaitRollout(settings.rolloutTimeout());
    LocalPortForward gateway = remember(forward(settings.namespace(), "gateway", 8080));
    LocalPortForward pg = remember(forward(settings.infraNamespace(), "postgres", 5432));
    Map<String, URI> services = new LinkedHashMap<>();
    for (io.fabric8.kubernetes.api.model.Service s :
        client
            .services()
            .inNamespace(settings.namespace())
            .withLabel("app.kubernetes.io/instance", settings.release())
            .list()
            .getItems()) {
      String name = s.getMetadata().getName();
      int port = s.getSpec().getPorts().getFirst().getPort();
      // Without SigNoz the harness scrapes each service itself, so it needs a way in.
      services.put(
          name,
          settings.serverFigures().equals(KubernetesSettings.PROMETHEUS)
              ? URI.create(
                  "http://127.0.0.1:"
                      + remember(forward(settings.namespace(), name, port)).getLocalPort())
              : URI.create("http://" + name + ":" + port));
    }
    Map<String, Database> dbs = new LinkedHashMap<>();
    for (ServiceDatabase db : databases()) {
      dbs.put(
          db.service(),
          new Database(db.jdbcUrl("127.0.0.1", pg.getLocalPort()), db.role(), db.password()));
    }
    return new Deployment(
        variant,
        URI.create("http://127.0.0.1:" + gateway.getLocalPort()),
        field(settings.namespace(), "flashdeal-admin", "email"),
        field(settings.namespace(), "flashdeal-admin", "password"),
        services,
        Map.of(),
        dbs);
  }

  @Override
  public void resetState(Deployment deployment) {
    StateReset.run(deployment.databases());
  }

  @Override
  public void stop() {
    for (LocalPortForward f : forwards) {
      try {
        f.close();
      } catch (IOException e) {
        // a dead forward is already closed
      }
    }
    forwards.clear();
    charts.uninstall();
    awaitGone(settings.rolloutTimeout());
  }

  /**
   * Every Deployment of the release has all its replicas updated and available for the current
   * generation. Pods stuck on something that will not heal (image not loaded, bad config, a crash
   * loop) end the wait early with the reason.
   */
  void awaitRollout(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<io.fabric8.kubernetes.api.model.apps.Deployment> all = releaseDeployments();
      List<String> pending =
          all.stream().filter(d -> !rolledOut(d)).map(d -> d.getMetadata().getName()).toList();
      if (!all.isEmpty() && pending.isEmpty()) {
        return;
      }
      for (Pod pod : releasePods()) {
        String reason = hopeless(pod);
        if (reason != null) {
          throw new HarnessException(
              "pod " + pod.getMetadata().getName() + " cannot start: " + reason);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new HarnessException(
            "rollout of "
                + settings.release()
                + " not complete after "
                + timeout.toSeconds()
                + " s; waiting for "
                + (all.isEmpty() ? "any Deployment to appear" : String.join(", ", pending)));
      }
      Waiting.sleep(poll);
    }
  }

  /** Why a pod will not start by itself (with the hint to fix it), or null while it may still. */
  private String hopeless(Pod pod) {
    List<ContainerStatus> statuses =
        pod.getStatus() == null ? List.of() : pod.getStatus().getContainerStatuses();
    for (ContainerStatus cs : statuses) {
      ContainerStateWaiting w = cs.getState() == null ? null : cs.getState().getWaiting();
      if (w == null) {
        continue;
      }
      boolean crashLooping =
          "CrashLoopBackOff".equals(w.getReason())
              && cs.getRestartCount() != null
              && cs.getRestartCount() >= 3;
      String key = pod.getMetadata().getName() + "/" + cs.getName() + "/" + w.getReason();
      boolean lasting =
          HOPELESS_IF_THEY_LAST.contains(w.getReason())
              && System.nanoTime() - waitingSince.computeIfAbsent(key, k -> System.nanoTime())
                  > LASTING.toNanos();
      if (HOPELESS.contains(w.getReason()) || lasting || crashLooping) {
        return w.getReason()
            + (w.getMessage() == null ? "" : " (" + w.getMessage() + ")")
            + (w.getReason().contains("Image")
                ? "; build and load the images with `make images`"
                : "; see `kubectl logs -n "
                    + settings.namespace()
                    + " "
                    + pod.getMetadata().getName()
                    + "`");
      }
    }
    return null;
  }

  static boolean rolledOut(io.fabric8.kubernetes.api.model.apps.Deployment d) {
    var status = d.getStatus();
    if (status == null) {
      return false;
    }
    int wanted = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    long observed = status.getObservedGeneration() == null ? -1 : status.getObservedGeneration();
    return observed >= generation
        && orZero(status.getUpdatedReplicas()) == wanted
        && orZero(status.getAvailableReplicas()) == wanted
        && orZero(status.getReplicas()) == wanted;
  }

  void awaitGone(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!releasePods().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new HarnessException(
            "pods of "
                + settings.release()
                + " still there "
                + timeout.toSeconds()
                + " s after uninstall");
      }
      Waiting.sleep(poll);
    }
  }

  private List<io.fabric8.kubernetes.api.model.apps.Deployment> releaseDeployments() {
    return client
        .apps()
        .deployments()
        .inNamespace(settings.namespace())
        .withLabel("app.kubernetes.io/instance", settings.release())
        .list()
        .getItems();
  }

  private List<Pod> releasePods() {
    return client
        .pods()
        .inNamespace(settings.namespace())
        .withLabel("app.kubernetes.io/instance", settings.release())
        .list()
        .getItems();
  }

  private List<ServiceDatabase> databases() {
    return ServiceDatabase.SERVICES.stream()
        .map(
            s ->
                new ServiceDatabase(
                    s,
                    "flashdeal_" + s,
                    s + "_service",
                    field(settings.infraNamespace(), "postgres-credentials", s + "-password")))
        .toList();
  }

  private Secret secret(String ns, String name) {
    return client.secrets().inNamespace(ns).withName(name).get();
  }

  String field(String ns, String secret, String key) {
    Secret s = secret(ns, secret);
    if (s == null || s.getData() == null || !s.getData().containsKey(key)) {
      throw new HarnessException("secret " + ns + "/" + secret + " has no key '" + key + "'");
    }
    return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
  }

  /**
   * A port-forward to a ready pod of the Service that is not being deleted. A Service's own
   * port-forward picks any pod of its selector: right after a {@code helm upgrade} that was, one
   * deployment in two, a pod of the previous variant still terminating, whose connections closed
   * without an answer ("header parser received no bytes") until the round aborted.
   */
  private LocalPortForward forward(String ns, String service, int port) {
    io.fabric8.kubernetes.api.model.Service svc =
        client.services().inNamespace(ns).withName(service).get();
    if (svc == null || svc.getSpec().getSelector() == null) {
      return client.services().inNamespace(ns).withName(service).portForward(port);
    }
    long deadline = System.nanoTime() + settings.rolloutTimeout().toNanos();
    while (true) {
      List<Pod> pods =
          client.pods().inNamespace(ns).withLabels(svc.getSpec().getSelector()).list().getItems();
      java.util.Optional<Pod> pod = servingPod(pods);
      if (pod.isPresent()) {
        return client
            .pods()
            .inNamespace(ns)
            .withName(pod.get().getMetadata().getName())
            .portForward(targetPort(svc, port, pod.get()));
      }
      if (System.nanoTime() > deadline) {
        throw new HarnessException("no ready pod of " + ns + "/" + service + " to forward to");
      }
      Waiting.sleep(poll);
    }
  }

  /** The first pod that is ready and not being deleted. */
  static java.util.Optional<Pod> servingPod(List<Pod> pods) {
    return pods.stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(
            p ->
                p.getStatus() != null
                    && p.getStatus().getConditions() != null
                    && p.getStatus().getConditions().stream()
                        .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")))
        .findFirst();
  }

  /** The container port behind the Service's {@code port} (a number, or a port name). */
  static int targetPort(io.fabric8.kubernetes.api.model.Service svc, int port, Pod pod) {
    var sp =
        svc.getSpec().getPorts().stream()
            .filter(p -> p.getPort() == port)
            .findFirst()
            .orElse(svc.getSpec().getPorts().getFirst());
    var target = sp.getTargetPort();
    if (target == null) {
      return sp.getPort();
    }
    if (target.getIntVal() != null) {
      return target.getIntVal();
    }
    return pod.getSpec().getContainers().stream()
        .flatMap(
            c -> c.getPorts() == null ? java.util.stream.Stream.empty() : c.getPorts().stream())
        .filter(cp -> target.getStrVal().equals(cp.getName()))
        .map(io.fabric8.kubernetes.api.model.ContainerPort::getContainerPort)
        .findFirst()
        .orElse(sp.getPort());
  }

  private LocalPortForward remember(LocalPortForward f) {
    forwards.add(f);
    return f;
  }

  /**
   * AUTH (when a password is given) and FLUSHALL in RESP, so the harness needs no Redis client for
   * two commands.
   */
  static void flushRedis(int port, String password) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      if (password != null) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        out.write(
            ("*2\r\n$4\r\nAUTH\r\n$" + pw.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(pw);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expectOk(in, "AUTH");
      }
      out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      expectOk(in, "FLUSHALL");
    }
  }

  private static void expectOk(InputStream in, String command) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    String answer = line.toString().strip();
    if (!answer.equals("+OK")) {
      throw new IOException(command + " answered '" + answer + "'");
    }
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }
}
