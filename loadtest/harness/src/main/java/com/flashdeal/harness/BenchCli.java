package com.flashdeal.harness;

import com.flashdeal.harness.load.GatlingJob;
import com.flashdeal.harness.load.GatlingRunner;
import com.flashdeal.harness.metrics.KubeletMetricsSource;
import com.flashdeal.harness.metrics.LocalMetricsSource;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.metrics.SigNozAccess;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.platform.VariantName;
import com.flashdeal.harness.platform.kubernetes.ChartInstaller;
import com.flashdeal.harness.platform.kubernetes.HelmCharts;
import com.flashdeal.harness.platform.kubernetes.KubernetesPlatform;
import com.flashdeal.harness.platform.kubernetes.KubernetesSettings;
import com.flashdeal.harness.platform.local.LocalPlatform;
import com.flashdeal.harness.report.Report;
import com.flashdeal.harness.report.ReportPng;
import com.flashdeal.harness.scenario.ScenarioReport;
import com.flashdeal.harness.scenario.Scenarios;
import com.flashdeal.harness.scenario.Settings;
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
 * {@code make bench}: {@code bench run --scenario <one of Scenarios> --platform local|kubernetes
 * --variants … --repeat …}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = BenchCli.Run.class,
    description = "Flash Deal benchmark harness.")
public final class BenchCli {

  public static void main(String[] args) {
    System.exit(
        withScenarios(new CommandLine(new BenchCli()))
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  cmd.getErr().println("bench: " + e.getMessage());
                  return 1;
                })
            .execute(args));
  }

  /** {@code run --help} lists the registry's scenarios, each with its summary. */
  private static CommandLine withScenarios(CommandLine cli) {
    StringBuilder footer = new StringBuilder("%nScenarios (--scenario):%n");
    Scenarios.ALL.forEach(
        sc -> footer.append("  ").append(sc.id()).append(": ").append(sc.summary()).append("%n"));
    cli.getSubcommands()
        .get("run")
        .getCommandSpec()
        .usageMessage()
        .footer(footer.toString().replace("%", "%%").replace("%%n", "%n"));
    return cli;
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
        names = "--scenario",
        defaultValue = "sale",
        description =
            "one of the scenarios listed below; for cost, list a variant twice for an A/A check")
    String scenario;

    @Option(
        names = "--variants",
        split = ",",
        defaultValue = "phase1-db-atomic,phase1-db-lock,phase1-naive")
    List<String> variants;

    @Option(
        names = "--repeat",
        defaultValue = "5",
        description = "rounds (each: every variant, cold and warm sale)")
    int repeat;

    @Option(names = "--stock", defaultValue = "50", description = "S: units of the hot deal")
    int stock;

    @Option(
        names = "--users",
        defaultValue = "500",
        description =
            "U: arrivals of a sale, one user each (about 10 x S); also the user pool of the capacity search")
    int users;

    @Option(
        names = "--rate",
        defaultValue = "125",
        description = "R: sale arrivals per second (open model)")
    int rate;

    @Option(names = "--per-user-limit", defaultValue = "1")
    int perUserLimit;

    @Option(
        names = "--warmup",
        defaultValue = "180",
        description =
            "the bound, in seconds, on the order traffic (at R/2, unmeasured) that brings each"
                + " deployment to steady state before a warm sale or a knee search: it runs until"
                + " three consecutive windows agree on CPU per order within 5 %% and with the three"
                + " before them")
    int warmup;

    @Option(
        names = "--no-cold",
        description = "skip the cold sale (the one right after the services start)")
    boolean noCold;

    @Option(
        names = "--reuse-users",
        description =
            "keep the auth database and the users of an earlier bench (.flashdeal/bench/users.json): seeds nothing when they are there")
    boolean reuseUsers;

    @Option(
        names = "--slo-ms",
        defaultValue = "100",
        description = "capacity: the order p99 a step must meet")
    double sloMs;

    @Option(
        names = "--login-slo-ms",
        defaultValue = "250",
        description = "login: the login p99 a step must meet")
    double loginSloMs;

    @Option(
        names = "--sold-out-slo-ms",
        defaultValue = "20",
        description = "sold-out: the p99 of SOLD_OUT answers a step must meet")
    double soldOutSloMs;

    @Option(
        names = "--step-seconds",
        defaultValue = "8",
        description = "capacity/login: measured seconds per step (after a 2 s lead-in)")
    int stepSeconds;

    @Option(
        names = "--start-rate",
        defaultValue = "50",
        description = "capacity: first step (doubling from here)")
    int startRate;

    @Option(names = "--max-rate", defaultValue = "1600", description = "capacity: never step above")
    int maxRate;

    @Option(
        names = "--fault",
        description =
            "sale: break something during every warm sale and judge after it is back:"
                + " kill:<auth-service|product-service|order-service|gateway>@<seconds>s (SIGKILL, then"
                + " started again) or restart:<postgres|redis|rabbitmq>@<seconds>s; seconds from the start of"
                + " the load")
    String fault;

    @Option(
        names = "--retry-seconds",
        defaultValue = "10",
        description =
            "sale: a buyer told to come back (503 + Retry-After) or cut off asks again with the same"
                + " Idempotency-Key for this long (0: never); how a client learns the outcome of an"
                + " order whose answer was lost")
    int retrySeconds;

    @Option(
        names = "--past-knee",
        split = ",",
        defaultValue = "1.5,2,3",
        description =
            "capacity: after the knee, one step at each of these multiples of it (how the answers"
                + " split between 201, 409 and 503 OVERLOADED past the knee); 0 for none")
    List<Double> pastKnee;

    @Option(
        names = "--volume-orders",
        defaultValue = "1000000",
        description =
            "explain: past orders (and reservations) of the seeded history; products, deals and"
                + " users scale with it (1,000,000: 10,000 products, 5,000 deals, 100,000 users)")
    int volumeOrders;

    @Option(
        names = "--load-jar",
        description =
            "local: the Gatling generator's jar (default: loadtest/gatling/target's); kubernetes:"
                + " unused (the Job image is FLASHDEAL_K8S_LOAD_IMAGE)")
    Path loadJar;

    @Option(
        names = "--cost-rate",
        defaultValue = "200",
        description = "cost: deal reads, SOLD_OUT answers and the floor per second")
    int costRate;

    @Option(
        names = "--cost-order-rate",
        defaultValue = "100",
        description = "cost: 201s per second")
    int costOrderRate;

    @Option(
        names = "--cost-login-rate",
        defaultValue = "5",
        description = "cost: logins per second")
    int costLoginRate;

    @Option(names = "--cost-window", defaultValue = "10", description = "cost: seconds per window")
    int costWindow;

    @Option(
        names = "--cost-max-warm",
        defaultValue = "240",
        description = "cost: at most this many seconds per answer to reach steady state")
    int costMaxWarm;

    @Option(
        names = "--cost-samples",
        defaultValue = "3",
        description = "cost: steady windows kept per answer and round")
    int costSamples;

    @Option(
        names = "--cost-tolerance",
        defaultValue = "5",
        description = "cost: steady when two consecutive windows agree within this many percent")
    double costTolerance;

    @Option(
        names = "--cost-answers",
        split = ",",
        defaultValue = "deal-read,sold-out,created,login,floor-direct,floor-gateway",
        description = "cost: the answers to measure")
    List<String> costAnswers;

    @Option(names = "--out", defaultValue = "reports")
    Path out;

    @Option(
        names = "--expect-pass",
        description = "exit 1 unless every sale PASSED (the CI smoke bench)")
    boolean expectPass;

    @Option(
        names = "--expect-fail",
        split = ",",
        description =
            "with --expect-pass: these variants must FAIL the oracle instead (phase1-naive"
                + " oversells by design: the oracle catching it is the check)")
    List<String> expectFail = List.of();

    @Option(
        names = "--aot",
        description =
            "start every variant from its JDK AOT cache (the +aot modifier on each; caches are"
                + " recorded once per build by a training run and kept in .flashdeal/jars)")
    boolean aot;

    @Option(
        names = "--png",
        description = "also render report.png with headless Chromium (if installed)")
    boolean png;

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
          com.flashdeal.launcher.Variant.load(launcher.variantsDir(), VariantName.parse(v).base());
        } else {
          if (VariantName.parse(v).aot() != VariantName.Aot.OFF) {
            throw new HarnessException("the +aot modifier exists on the local platform only");
          }
          HelmCharts.valuesFile(repo, v);
        }
      }
      if (aot && Runtime.version().feature() < 25) {
        throw new HarnessException(
            "--aot needs JDK 25 (the AOT cache, JEP 483/515); this is JDK "
                + Runtime.version().feature()
                + ": run without --aot (make bench drops it by itself on 21-24) or set JAVA_HOME"
                + " to a JDK 25");
      }
      if (aot) {
        variants =
            variants.stream()
                .map(v -> v.endsWith(VariantName.AOT) ? v : v + VariantName.AOT)
                .toList();
      }
      Settings settings =
          new Settings(
              scenario,
              variants,
              repeat,
              stock,
              users,
              rate,
              perUserLimit,
              warmup,
              reuseUsers,
              scenarioOptions());
      // Fail before anything starts: an unknown scenario, settings it cannot run with.
      Scenarios.named(scenario).validate(settings);
      Path dir =
          Files.createDirectories(
              repo.resolve(out)
                  .resolve(
                      LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
      System.out.printf(
          "bench: %s on the %s platform; %s%nbench: report in %s%n",
          scenario, platform, Scenarios.named(scenario).describe(settings), dir);
      long t0 = System.nanoTime();
      // Every progress line carries the bench's elapsed time: a long run shows where time goes.
      java.util.function.Consumer<String> log =
          line -> {
            long s = (System.nanoTime() - t0) / 1_000_000_000L;
            System.out.printf("%02d:%02d %s%n", s / 60, s % 60, line);
          };
      Bench.Outcome outcome;
      Map<String, Object> environment;
      if (platform.equals("local")) {
        GatlingRunner load =
            new GatlingRunner(
                Path.of(ProcessHandle.current().info().command().orElse("java")),
                loadJar != null ? loadJar : GatlingRunner.jar(repo));
        try (Platform p = new LocalPlatform(launcher, log)) {
          outcome =
              new Bench(repo, p, new LocalMetricsSource(), load, true, log).run(settings, dir);
        }
        environment = environment(repo, load.version());
        environment.put(
            "deps",
            LocalDeps.fromEnvironment().status().stream()
                .map(st -> st.name() + ": " + st.origin())
                .toList());
      } else {
        KubernetesSettings k8s = KubernetesSettings.fromEnvironment();
        // One client for the whole run (fabric8 clients are heavy and meant to be shared).
        boolean scrape = k8s.serverFigures().equals(KubernetesSettings.PROMETHEUS);
        try (KubernetesClient client = new KubernetesClientBuilder().build();
            SigNozAccess signoz = scrape ? null : SigNozAccess.open(client, k8s)) {
          // No SigNoz (the local cluster): latency from each service's /actuator/prometheus
          // through the port-forwards the platform opens, CPU and memory from the kubelets.
          MetricsSource metrics =
              scrape
                  ? new KubeletMetricsSource(
                      new LocalMetricsSource(),
                      client,
                      java.util.Set.of(k8s.namespace(), k8s.infraNamespace()))
                  : signoz.metrics();
          GatlingJob loadJob =
              new GatlingJob(
                  client, k8s, URI.create("http://gateway:8080"), Duration.ofSeconds(2), log);
          KubernetesPlatform kp =
              new KubernetesPlatform(
                  client,
                  ChartInstaller.helm(repo, k8s, kubeconfig()),
                  k8s,
                  Duration.ofSeconds(2),
                  log);
          try (Platform p = kp) {
            kp.preflight();
            outcome = new Bench(repo, p, metrics, loadJob, false, log).run(settings, dir);
          }
          environment = environment(repo, loadJob.version());
          environment.put("kubernetes", client.getKubernetesVersion().getGitVersion());
          environment.put("context", client.getConfiguration().getCurrentContext().getName());
          environment.put("nodes", client.nodes().list().getItems().size());
          environment.put(
              "serverFigures",
              scrape
                  ? "latency: /actuator/prometheus of each service (port-forward); CPU and"
                      + " working set: the kubelets' /metrics/resource"
                  : "SigNoz traces");
        }
      }
      if (outcome.seeding() != null) { // the index study logs no one in
        environment.put(
            "seeding",
            "%d users (%d signed up, %d logged in) in %.1f s"
                .formatted(
                    outcome.seeding().users(),
                    outcome.seeding().signedUp(),
                    outcome.seeding().loggedIn(),
                    outcome.seeding().seconds()));
      }
      environment.put("benchSeconds", Math.round((System.nanoTime() - t0) / 1e9));
      Report.write(dir, environment, settings, outcome);
      System.out.printf(
          "bench: done in %.0f s; report: %s%n",
          (System.nanoTime() - t0) / 1e9, dir.resolve("report.html"));
      if (png) {
        ReportPng.render(dir.resolve("report.html"), dir.resolve("report.png"), log);
      }
      List<ScenarioReport.Judged> judged =
          outcome.part() == null ? List.of() : outcome.part().judged();
      judged.stream()
          .filter(r -> !r.status().equals("PASSED"))
          .forEach(
              r ->
                  System.out.println(
                      "  %s %s: %s %s"
                          .formatted(r.variant(), r.label(), r.status(), r.violations())));
      if (!judged.isEmpty()) {
        long failed = judged.stream().filter(r -> r.status().equals("FAILED")).count();
        long expected =
            judged.stream()
                .filter(r -> r.status().equals("FAILED") && expectFail.contains(r.variant()))
                .count();
        System.out.println(
            failed == 0
                ? "bench: every sale passed the oracle"
                : "bench: %d sale(s) FAILED the oracle (%d of them expected to: %s)"
                    .formatted(failed, expected, String.join(", ", expectFail)));
      }
      if (!outcome.aborted().isEmpty()) {
        System.out.println("bench: " + outcome.aborted().size() + " round(s) ABORTED");
      }
      // --expect-pass: every sale ran and ended as expected; an aborted round is a failure, not a
      // skip.
      java.util.Set<String> mustFail = java.util.Set.copyOf(expectFail);
      return expectPass
              && (!outcome.aborted().isEmpty()
                  || judged.stream().anyMatch(r -> !r.asExpected(mustFail)))
          ? 1
          : 0;
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

    /**
     * The scenarios' own options, as {@code <scenario>.<option>} keys ({@code knee.*}: every knee
     * search's).
     */
    private Map<String, String> scenarioOptions() {
      Map<String, String> o = new LinkedHashMap<>();
      o.put("sale.cold", Boolean.toString(!noCold));
      if (fault != null) {
        o.put("sale.fault", fault);
      }
      o.put("sale.retry-seconds", Integer.toString(retrySeconds));
      o.put("knee.slo-ms", Double.toString(sloMs));
      o.put("knee.step-seconds", Integer.toString(stepSeconds));
      o.put("knee.start-rate", Integer.toString(startRate));
      o.put("knee.max-rate", Integer.toString(maxRate));
      o.put(
          "capacity.past-knee",
          String.join(",", pastKnee.stream().filter(m -> m > 0).map(String::valueOf).toList()));
      o.put("sold-out.slo-ms", Double.toString(soldOutSloMs));
      o.put("login.slo-ms", Double.toString(loginSloMs));
      o.put("explain.volume-orders", Integer.toString(volumeOrders));
      o.put("cost.rate", Integer.toString(costRate));
      o.put("cost.order-rate", Integer.toString(costOrderRate));
      o.put("cost.login-rate", Integer.toString(costLoginRate));
      o.put("cost.window", Integer.toString(costWindow));
      o.put("cost.max-warm", Integer.toString(costMaxWarm));
      o.put("cost.samples", Integer.toString(costSamples));
      o.put("cost.tolerance", Double.toString(costTolerance));
      o.put("cost.answers", String.join(",", costAnswers));
      return o;
    }

    private static Map<String, Object> environment(Path repo, String generator) {
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
      env.put("generator", generator);
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
