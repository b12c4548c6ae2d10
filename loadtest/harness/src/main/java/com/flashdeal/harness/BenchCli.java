package com.flashdeal.harness;

import com.flashdeal.launcher.Launcher;
import com.flashdeal.localdeps.LocalDeps;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make bench}: {@code bench run --platform local --variants … --rate … --duration … --repeat
 * …}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = BenchCli.Run.class,
    description = "Flash Deal benchmark harness.")
public final class BenchCli {

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new BenchCli())
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  cmd.getErr().println("bench: " + e.getMessage());
                  return 1;
                })
            .execute(args));
  }

  @Command(
      name = "run",
      description = "Benchmark variants and write reports/<timestamp>/report.{json,md,html}.")
  static final class Run implements Callable<Integer> {
    @Option(
        names = "--platform",
        defaultValue = "local",
        description =
            "local (JVM processes, no Docker) or kubernetes (the current kubectl context, prepared"
                + " by make kind-up)")
    String platform;

    @Option(
        names = "--variants",
        split = ",",
        defaultValue = "phase1-db-atomic,phase1-db-lock,phase1-naive")
    List<String> variants;

    @Option(
        names = "--rate",
        defaultValue = "10",
        description = "arrivals per second in the measured stage")
    int rate;

    @Option(
        names = "--warmup",
        defaultValue = "5",
        description = "warm-up seconds (at half the rate)")
    int warmup;

    @Option(names = "--duration", defaultValue = "15", description = "measured seconds")
    int duration;

    @Option(names = "--repeat", defaultValue = "3")
    int repeat;

    @Option(
        names = "--stock",
        defaultValue = "60",
        description = "units in the hot deal (fewer than arrivals, so it sells out)")
    int stock;

    @Option(names = "--per-user-limit", defaultValue = "1")
    int perUserLimit;

    @Option(
        names = "--k6",
        defaultValue = "k6",
        description =
            "local: the k6 binary (make bench finds or builds one); kubernetes: unused (the Job"
                + " image is FLASHDEAL_K8S_K6_IMAGE)")
    Path k6;

    @Option(names = "--out", defaultValue = "reports")
    Path out;

    @Option(
        names = "--expect-pass",
        description = "exit 1 unless every run PASSED (the CI smoke bench)")
    boolean expectPass;

    @Override
    public Integer call() throws Exception {
      if (!platform.equals("local") && !platform.equals("kubernetes")) {
        throw new HarnessException("unknown platform '" + platform + "'; use local or kubernetes");
      }
      Path repo = Launcher.findRepo();
      Launcher launcher = Launcher.fromEnvironment();
      for (String v : variants) {
        // fail before anything starts
        if (platform.equals("local")) {
          com.flashdeal.launcher.Variant.load(launcher.variantsDir(), v);
        } else {
          HelmCharts.valuesFile(repo, v);
        }
      }
      Bench.Settings settings =
          new Bench.Settings(variants, repeat, rate, warmup, duration, stock, perUserLimit);
      Path dir =
          Files.createDirectories(
              repo.resolve(out)
                  .resolve(
                      LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
      System.out.printf(
          "bench: %s platform, %d variants x %d repeats, %d users per run; report in %s%n",
          platform, variants.size(), repeat, settings.users(), dir);
      long t0 = System.nanoTime();
      List<RunResult> results;
      Map<String, Object> environment;
      if (platform.equals("local")) {
        K6Runner k6Runner = new K6Runner(k6, K6Runner.script(repo));
        try (Platform p = new LocalPlatform(launcher, System.out::println)) {
          results =
              new Bench(p, new LocalMetricsSource(), k6Runner, System.out::println)
                  .run(settings, dir);
        }
        environment = environment(repo, k6Runner.version());
        environment.put(
            "deps",
            LocalDeps.fromEnvironment().status().stream()
                .map(st -> st.name() + ": " + st.origin())
                .toList());
      } else {
        KubernetesSettings k8s = KubernetesSettings.fromEnvironment();
        // One client for the whole run (fabric8 clients are heavy and meant to be shared).
        try (KubernetesClient client = new KubernetesClientBuilder().build();
            SigNozAccess signoz = SigNozAccess.open(client, k8s)) {
          K6Job k6Job =
              new K6Job(
                  client,
                  k8s,
                  K6Runner.script(repo),
                  URI.create("http://gateway:8080"),
                  Duration.ofSeconds(2),
                  System.out::println);
          try (Platform p =
              new KubernetesPlatform(
                  client,
                  ChartInstaller.helm(repo, k8s, kubeconfig()),
                  k8s,
                  Duration.ofSeconds(2),
                  System.out::println)) {
            ((KubernetesPlatform) p).preflight();
            results = new Bench(p, signoz.metrics(), k6Job, System.out::println).run(settings, dir);
          }
          environment = environment(repo, k6Job.version());
          environment.put("kubernetes", client.getKubernetesVersion().getGitVersion());
          environment.put("context", client.getConfiguration().getCurrentContext().getName());
          environment.put("nodes", client.nodes().list().getItems().size());
        }
      }
      Report.write(dir, environment, settings, results);
      System.out.printf(
          "bench: done in %.0f s; report: %s%n",
          (System.nanoTime() - t0) / 1e9, dir.resolve("report.html"));
      long failed = results.stream().filter(r -> r.status().equals("FAILED")).count();
      results.stream()
          .filter(r -> !r.status().equals("PASSED"))
          .forEach(
              r ->
                  System.out.println(
                      "  "
                          + r.variant()
                          + " #"
                          + r.repeat()
                          + ": "
                          + r.status()
                          + " "
                          + r.violations()));
      System.out.println(
          failed == 0
              ? "bench: every run passed the oracle"
              : "bench: " + failed + " run(s) FAILED the oracle (expected for phase1-naive)");
      return expectPass && results.stream().anyMatch(r -> !r.status().equals("PASSED")) ? 1 : 0;
    }

    /**
     * The kubeconfig Helm should use: $KUBECONFIG (first entry) or ~/.kube/config, like kubectl.
     */
    private static Path kubeconfig() {
      String env = System.getenv("KUBECONFIG");
      if (env != null && !env.isBlank()) {
        return Path.of(env.split(java.io.File.pathSeparator)[0]);
      }
      return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    private static Map<String, Object> environment(Path repo, String k6Version) {
      Map<String, Object> env = new LinkedHashMap<>();
      env.put("cpu", cpuModel());
      env.put("cores", Runtime.getRuntime().availableProcessors());
      env.put("memoryMiB", memoryMib());
      env.put(
          "os",
          System.getProperty("os.name")
              + " "
              + System.getProperty("os.version")
              + " "
              + System.getProperty("os.arch"));
      env.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
      env.put("k6", k6Version);
      env.put("commit", git(repo));
      return env;
    }

    private static String cpuModel() {
      try {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).strip())
            .orElse("unknown");
      } catch (Exception e) {
        return "unknown";
      }
    }

    private static long memoryMib() {
      try {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
            .filter(l -> l.startsWith("MemTotal"))
            .findFirst()
            .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
            .orElse(-1L);
      } catch (Exception e) {
        return -1;
      }
    }

    private static String git(Path repo) {
      try {
        Process p =
            new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "--short", "HEAD")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        return p.waitFor() == 0 ? out : "unknown";
      } catch (Exception e) {
        return "unknown";
      }
    }
  }
}
