package com.flashdeal.testcluster;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler and kwok managing one fake node, each a local process with its log in the
 * cluster's directory. Real validation, admission (Pod Security included), RBAC, Deployments that
 * roll out, Services with EndpointSlices; no container runs (kwok marks scheduled pods Running and
 * Ready), so what it proves is everything up to the kubelet.
 *
 * <p>{@link #shared()} starts one per JVM on first use and stops it at exit. Binaries come from
 * {@code tools/bin/ensure-k8s} (built once from the Go module proxy, then cached) or from {@code
 * FLASHDEAL_K8S_BIN}.
 */
public final class TestCluster implements AutoCloseable {
  /** The fake node's annotation that kwok is told to manage. */
  public static final String FAKE_NODE_ANNOTATION = "kwok.x-k8s.io/node";

  private static TestCluster shared;

  private final Path bin;
  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final Path kubeconfig;
  private final KubernetesClient client;
  private final Duration startTime;

  private TestCluster(Path bin, Path dir, Consumer<String> progress) throws IOException {
    this.bin = bin;
    this.dir = dir;
    long t0 = System.nanoTime();
    try {
      byte[] secret = new byte[16];
      new SecureRandom().nextBytes(secret);
      String token = HexFormat.of().formatHex(secret);
      Files.writeString(dir.resolve("tokens.csv"), token + ",admin,admin,system:masters\n");
      writeServiceAccountKeys();

      int etcdPort = freePort();
      start(
          bin,
          "etcd",
          "--name=test",
          "--data-dir=" + dir.resolve("etcd"),
          "--listen-client-urls=http://127.0.0.1:" + etcdPort,
          "--advertise-client-urls=http://127.0.0.1:" + etcdPort,
          "--listen-peer-urls=http://127.0.0.1:" + freePort(),
          "--unsafe-no-fsync",
          "--log-level=warn");

      int apiPort = freePort();
      start(
          bin,
          "kube-apiserver",
          "--etcd-servers=http://127.0.0.1:" + etcdPort,
          "--bind-address=127.0.0.1",
          "--advertise-address=127.0.0.1",
          "--secure-port=" + apiPort,
          "--cert-dir=" + dir.resolve("pki"),
          "--token-auth-file=" + dir.resolve("tokens.csv"),
          "--authorization-mode=RBAC",
          "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
          "--service-account-key-file=" + dir.resolve("sa.pub"),
          "--service-account-signing-key-file=" + dir.resolve("sa.key"),
          "--service-cluster-ip-range=10.96.0.0/16",
          "--enable-priority-and-fairness=false");
      URI server = URI.create("https://127.0.0.1:" + apiPort);
      awaitReady(server, token, Duration.ofSeconds(60));
      progress.accept("test cluster: kube-apiserver ready at " + server);

      Path ca = dir.resolve("pki/apiserver.crt");
      this.kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, kubeconfig(server, ca, token));
      start(
          bin,
          "kube-controller-manager",
          "--kubeconfig=" + kubeconfig,
          // No node IPAM (kwok's node brings its own CIDR) and no CSR signing (no signing CA here).
          "--controllers=*,-nodeipam,-csrsigning",
          "--leader-elect=false",
          "--bind-address=127.0.0.1",
          "--secure-port=" + freePort(),
          "--service-account-private-key-file=" + dir.resolve("sa.key"),
          "--root-ca-file=" + ca);
      start(
          bin,
          "kube-scheduler",
          "--kubeconfig=" + kubeconfig,
          "--leader-elect=false",
          "--bind-address=127.0.0.1",
          "--secure-port=" + freePort());
      start(
          bin,
          "kwok",
          "--kubeconfig=" + kubeconfig,
          "--manage-all-nodes=false",
          "--manage-nodes-with-annotation-selector=" + FAKE_NODE_ANNOTATION + "=fake",
          "--cidr=10.0.0.1/24",
          "--node-ip=10.0.0.1");

      this.client =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
              .build();
      client
          .nodes()
          .resource(
              new NodeBuilder()
                  .withNewMetadata()
                  .withName("kwok-node-0")
                  .addToAnnotations(FAKE_NODE_ANNOTATION, "fake")
                  .addToLabels("kubernetes.io/hostname", "kwok-node-0")
                  .addToLabels("type", "kwok")
                  .endMetadata()
                  .withNewStatus()
                  .addToAllocatable(
                      Map.of(
                          "cpu", new Quantity("32"),
                          "memory", new Quantity("256Gi"),
                          "pods", new Quantity("110")))
                  .addToCapacity(
                      Map.of(
                          "cpu", new Quantity("32"),
                          "memory", new Quantity("256Gi"),
                          "pods", new Quantity("110")))
                  .endStatus()
                  .build())
          .create();
      this.startTime = Duration.ofNanos(System.nanoTime() - t0);
      progress.accept(
          "test cluster: control plane + kwok node up in "
              + startTime.toMillis()
              + " ms (logs in "
              + dir
              + ")");
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** One cluster for the whole JVM, started on first use and stopped at exit. */
  public static synchronized TestCluster shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("flashdeal-test-cluster-");
        shared = new TestCluster(binaries(), dir, System.err::println);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      TestCluster cluster = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "test-cluster-stop"));
    }
    return shared;
  }

  public KubernetesClient client() {
    return client;
  }

  /** A kubeconfig file for this cluster (CA and token embedded), for helm and kubectl. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  public Duration startTime() {
    return startTime;
  }

  /** Server-side apply of a manifest file (every document in it). */
  public void apply(Path manifest) {
    try (var in = Files.newInputStream(manifest)) {
      client.load(in).forceConflicts().serverSideApply();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What {@code make kind-up} does before any install, minus images and add-ons: the namespaces
   * (with their Pod Security levels) and the Secrets, made by the very script kind-up runs
   * (k8s/bootstrap-secrets.sh, with kubectl and openssl) against this cluster.
   */
  public void prepareLikeKindUp(Path repo) {
    apply(repo.resolve("k8s/namespaces.yaml"));
    ProcessBuilder bootstrap =
        new ProcessBuilder("bash", repo.resolve("k8s/bootstrap-secrets.sh").toString())
            .redirectErrorStream(true);
    bootstrap.environment().put("KUBECONFIG", kubeconfig.toString());
    // kubectl from the machine, else the one ensure-k8s built next to the control plane.
    bootstrap.environment().merge("PATH", bin.toString(), (path, ours) -> path + ":" + ours);
    try {
      Process run = bootstrap.start();
      String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || run.exitValue() != 0) {
        throw new IllegalStateException("k8s/bootstrap-secrets.sh failed:\n" + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls until {@code condition} holds; fails naming {@code what} after {@code timeout}. */
  public static void await(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + timeout);
      }
      sleep(200);
    }
  }

  /** The directory of one binary's log ({@code <name>.log}) and the cluster's state. */
  public Path directory() {
    return dir;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    // Reverse order: kwok and the controllers first, etcd last.
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    processes.clear();
    // etcd's data (~60 MB) goes; the logs stay for a failed test's reader.
    deleteTree(dir.resolve("etcd"));
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  // best effort: it is a temp directory
                }
              });
    } catch (IOException e) {
      // best effort
    }
  }

  /**
   * Where the binaries are: {@code FLASHDEAL_K8S_BIN}, else what {@code tools/bin/ensure-k8s}
   * prints (it builds what is missing, with progress on stderr).
   */
  static Path binaries() throws IOException {
    String explicit = System.getenv("FLASHDEAL_K8S_BIN");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    Path repo = Path.of("").toAbsolutePath();
    while (repo != null && !Files.isExecutable(repo.resolve("tools/bin/ensure-k8s"))) {
      repo = repo.getParent();
    }
    if (repo == null) {
      throw new IllegalStateException(
          "tools/bin/ensure-k8s not found above " + Path.of("").toAbsolutePath());
    }
    Process p =
        new ProcessBuilder(repo.resolve("tools/bin/ensure-k8s").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (p.waitFor() != 0) {
        throw new IllegalStateException("tools/bin/ensure-k8s failed (see its output above)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
  }

  private void start(Path bin, String name, String... args) throws IOException {
    Path exe = bin.resolve(name);
    if (!Files.isExecutable(exe)) {
      throw new IllegalStateException(exe + " is missing; run tools/bin/ensure-k8s");
    }
    List<String> command = new ArrayList<>();
    command.add(exe.toString());
    command.addAll(List.of(args));
    Path log = dir.resolve(name + ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.add(p);
    try {
      // A bad flag or a taken port ends a binary at once: say so with its log, not with a timeout.
      if (p.waitFor(300, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " exited with " + p.exitValue() + ":\n" + tail(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady(URI server, String token, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().sslContext(trustAll()).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "a control-plane process exited (" + p.exitValue() + "); logs in " + dir);
        }
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(server.resolve("/readyz"))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(200);
    }
    throw new IllegalStateException(
        "kube-apiserver not ready after " + timeout + ": " + last + "; logs in " + dir);
  }

  private void writeServiceAccountKeys() throws IOException {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Files.writeString(dir.resolve("sa.key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(dir.resolve("sa.pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static String kubeconfig(URI server, Path ca, String token) throws IOException {
    String caData = Base64.getEncoder().encodeToString(Files.readAllBytes(ca));
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: test
            cluster:
              server: %s
              certificate-authority-data: %s
        users:
          - name: admin
            user:
              token: %s
        contexts:
          - name: test
            context:
              cluster: test
              user: admin
        current-context: test
        """
        .formatted(server, caData, token);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** Only for the readiness probe, before the self-signed CA is known to be written. */
  private static SSLContext trustAll() {
    try {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(
          null,
          new TrustManager[] {
            new X509TrustManager() {
              @Override
              public void checkClientTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public void checkServerTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
              }
            }
          },
          new SecureRandom());
      return ssl;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
