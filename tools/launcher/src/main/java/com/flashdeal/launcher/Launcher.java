package com.flashdeal.launcher;

import com.flashdeal.localdeps.LocalDeps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Starts and stops the whole system locally: private deps, then every service as its own JVM with
 * its own log, in parallel, waiting for each readiness probe. A service that does not come up fails
 * the start with its log tail, and everything this start launched is stopped again. State lives in
 * {@code .flashdeal/run/} so {@code down} stops exactly what {@code up} started.
 */
public final class Launcher {
  private static final String ADMIN_EMAIL = "admin@flashdeal.local";

  private final Path repo;
  private final Path runDir;
  private final Path stateFile;
  private final Map<String, String> environment;

  private static final String AOT_CACHE = "app.aot";

  public Launcher(Path repo, Map<String, String> environment) {
    this.repo = repo.toAbsolutePath().normalize();
    this.runDir = this.repo.resolve(".flashdeal/run");
    this.stateFile = runDir.resolve("state.properties");
    this.environment = Map.copyOf(environment);
  }

  public static Launcher fromEnvironment() {
    return new Launcher(findRepo(), System.getenv());
  }

  /** The same launcher with one more environment setting for the services it starts. */
  public Launcher with(String variable, String value) {
    Map<String, String> env = new HashMap<>(environment);
    env.put(variable, value);
    return new Launcher(repo, env);
  }

  /**
   * {@code FLASHDEAL_HOME}, else the nearest folder upwards holding {@code variants/} and {@code
   * services/}.
   */
  public static Path findRepo() {
    String home = System.getenv("FLASHDEAL_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("variants")) && Files.isDirectory(p.resolve("services"))) {
        return p;
      }
    }
    throw new LauncherException(
        "cannot find the Flash Deal repository from "
            + Path.of("").toAbsolutePath()
            + "; set FLASHDEAL_HOME");
  }

  public Path logDir() {
    return runDir.resolve("logs");
  }

  public Path variantsDir() {
    return repo.resolve("variants");
  }

  /** Starts the system, or returns the running one if it runs with the same variant. */
  public RunningSystem up(String variantName, Consumer<String> progress) {
    Variant variant = Variant.load(variantsDir(), variantName);
    Optional<RunningSystem> running = running();
    if (running.isPresent()) {
      if (running.get().variant().equals(variant.name())) {
        progress.accept("already up with variant " + variant.name());
        return running.get();
      }
      throw new LauncherException(
          "the system already runs with variant "
              + running.get().variant()
              + "; run `make down` first");
    }
    String version = version();
    List<String> missing = new ArrayList<>();
    for (Service s : Service.PHASE1) {
      if (!Files.isRegularFile(s.jar(repo, version, variant.env()))) {
        missing.add(s.jar(repo, version, variant.env()).toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new LauncherException("service jars are not built: " + missing + "; run `make build`");
    }
    for (Service s : Service.PHASE1) {
      for (int port : s.ports()) {
        if (portInUse(port)) {
          throw new LauncherException(
              s.name() + "'s port " + port + " is taken by another program; stop it first");
        }
      }
    }

    long t0 = System.nanoTime();
    progress.accept("deps: starting PostgreSQL and Redis if needed");
    LocalDeps deps = LocalDeps.fromEnvironment();
    boolean startedDeps = deps.up().stream().anyMatch(line -> line.contains(" started"));
    String adminPassword = environment.getOrDefault("FLASHDEAL_ADMIN_PASSWORD", randomPassword());

    Map<String, Long> pids = new LinkedHashMap<>();
    RunningSystem system;
    try {
      Files.createDirectories(logDir());
      startServices(Service.PHASE1, variant, deps, adminPassword, false, pids, progress);
      system =
          new RunningSystem(
              variant.name(),
              URI.create(Service.GATEWAY.url()),
              ADMIN_EMAIL,
              adminPassword,
              pids,
              Duration.ZERO,
              startedDeps);
      writeState(system);
      awaitReady(pids, progress);
    } catch (RuntimeException | IOException e) {
      progress.accept("start failed; stopping what was started");
      stop(pids, startedDeps ? deps : null, progress, true);
      deleteState();
      throw e instanceof LauncherException le
          ? le
          : new LauncherException("cannot start the system: " + e.getMessage(), e);
    }
    system = system.moved(variant.name(), pids, Duration.ofNanos(System.nanoTime() - t0));
    writeState(system);
    return system;
  }

  /**
   * Starts these services with the variant's settings, adding each one's pid to {@code pids} as it
   * is launched (so that a failure part-way leaves a record of what to stop). One start loop for
   * {@code up}, {@code switchVariant} and {@code restart}.
   *
   * @param appendLog a restart: keep the service's log instead of starting a new one, and come back
   *     without the warm-up. The warm-up holds readiness until the JIT has compiled the hot paths
   *     (tens of seconds on two cores); that is right when other replicas serve meanwhile (a start,
   *     a deploy, a scale-out), but a lone service brought back during a sale serves its waiting
   *     buyers sooner cold than warm.
   */
  private void startServices(
      List<Service> services,
      Variant variant,
      LocalDeps deps,
      String adminPassword,
      boolean appendLog,
      Map<String, Long> pids,
      Consumer<String> progress)
      throws IOException {
    String version = version();
    if (variant.needsBroker()) {
      // Started on demand (it is the only variant family that needs it); a no-op when it runs.
      progress.accept("deps: " + deps.rabbitUp());
    }
    for (Service s : services) {
      Map<String, String> env = environment(s, variant, deps, adminPassword);
      if (appendLog) {
        env.put("FLASHDEAL_WARM_UP_ENABLED", "false");
      }
      Process p = start(s, s.jar(repo, version, variant.env()), env, appendLog);
      pids.put(s.name(), p.pid());
      progress.accept(
          "%s: %s (pid %d, log %s)"
              .formatted(
                  s.name(),
                  appendLog ? "restarting" : "starting",
                  p.pid(),
                  repo.relativize(log(s))));
    }
  }

  /**
   * Moves the running system to another variant: every service but {@code keep} is killed and
   * started again with the new variant's settings (fresh JVMs, as {@code up} gives), while the kept
   * ones run on. For the bench, whose variants differ only in services on the order path:
   * auth-service is the same in every variant, and not restarting it saves its start-up's CPU (~1
   * core for ~10 s) at every deployment. Falls back to a full start when nothing runs.
   */
  public RunningSystem switchVariant(
      String variantName, java.util.Set<String> keep, Consumer<String> progress) {
    Optional<RunningSystem> running = running();
    if (running.isEmpty()) {
      return up(variantName, progress);
    }
    long t0 = System.nanoTime();
    RunningSystem system = running.get();
    Variant variant = Variant.load(variantsDir(), variantName);
    Map<String, Long> restart = new LinkedHashMap<>(system.pids());
    restart.keySet().removeAll(keep);
    stop(restart, null, progress, training());
    Map<String, Long> started = new LinkedHashMap<>();
    try {
      startServices(
          Service.PHASE1.stream().filter(s -> !keep.contains(s.name())).toList(),
          variant,
          LocalDeps.fromEnvironment(),
          system.adminPassword(),
          false,
          started,
          progress);
    } catch (IOException e) {
      throw new LauncherException("cannot start the system: " + e.getMessage(), e);
    }
    Map<String, Long> pids = new LinkedHashMap<>(system.pids());
    pids.putAll(started);
    RunningSystem moved = system.moved(variant.name(), pids, Duration.ZERO);
    writeState(moved);
    awaitReady(started, progress);
    moved = moved.moved(variant.name(), pids, Duration.ofNanos(System.nanoTime() - t0));
    writeState(moved);
    return moved;
  }

  /** What a service of this system is started with: one definition for {@code up} and restarts. */
  private Map<String, String> environment(
      Service s, Variant variant, LocalDeps deps, String adminPassword) {
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(deps.environment());
    env.put("FLASHDEAL_AUTH_URL", Service.AUTH.url());
    env.put("FLASHDEAL_GATEWAY_AUTH_URL", Service.AUTH.url());
    env.put("FLASHDEAL_GATEWAY_PRODUCT_URL", Service.PRODUCT.url());
    env.put("FLASHDEAL_GATEWAY_ORDER_URL", Service.ORDER.url());
    // Service-to-service calls go to the internal ports, as in the cluster (NetworkPolicies there).
    env.put("FLASHDEAL_AUTH_INTERNAL_URL", Service.AUTH.internalUrl());
    env.put("FLASHDEAL_ORDER_PRODUCT_URL", Service.PRODUCT.internalUrl());
    env.put("FLASHDEAL_ORDER_PRODUCT_PUBLIC_URL", Service.PRODUCT.url());
    env.put("FLASHDEAL_PRODUCT_ORDER_URL", Service.ORDER.internalUrl());
    env.put("FLASHDEAL_AUTH_JWT_PRIVATE_KEY_FILE", signingKey().toString());
    Map<String, String> clients = serviceClients();
    env.put("FLASHDEAL_AUTH_SERVICE_CLIENTS", ServiceClients.hashes(clients));
    // Each service gets its own secret only; auth-service knows their hashes.
    if (clients.containsKey(s.name())) {
      env.put("FLASHDEAL_SERVICE_CLIENT_SECRET", clients.get(s.name()));
    }
    env.put("FLASHDEAL_ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("FLASHDEAL_ADMIN_PASSWORD", adminPassword);
    for (Service x : Service.PHASE1) {
      env.put(x.portVariable(), Integer.toString(x.port()));
      if (x.internalPortVariable() != null) {
        env.put(x.internalPortVariable(), Integer.toString(x.internalPort()));
      }
    }
    env.putAll(variant.env());
    env.put("FLASHDEAL_VARIANT", variant.name());
    return env;
  }

  /**
   * Starts one service of the running system again — after it died, or after the bench killed it (a
   * fault) — with the very environment {@code up} gave it, and waits until it is ready. A process
   * still alive under the recorded pid is killed first. Its log is appended to.
   *
   * @return from the call to ready
   */
  public Duration restart(String serviceName, Consumer<String> progress) {
    long t0 = System.nanoTime();
    RunningSystem system =
        readState().orElseThrow(() -> new LauncherException("no system runs; `make up` first"));
    Service s =
        Service.PHASE1.stream()
            .filter(x -> x.name().equals(serviceName))
            .findFirst()
            .orElseThrow(() -> new LauncherException("no service named " + serviceName));
    Long old = system.pids().get(serviceName);
    if (old != null) {
      ProcessHandle.of(old)
          .ifPresent(
              p -> {
                p.destroyForcibly();
                p.onExit().join();
              });
    }
    Variant variant = Variant.load(variantsDir(), system.variant());
    Map<String, Long> started = new LinkedHashMap<>();
    try {
      startServices(
          List.of(s),
          variant,
          LocalDeps.fromEnvironment(),
          system.adminPassword(),
          true,
          started,
          progress);
    } catch (IOException e) {
      throw new LauncherException("cannot start " + serviceName + ": " + e.getMessage(), e);
    }
    Map<String, Long> pids = new LinkedHashMap<>(system.pids());
    pids.putAll(started);
    writeState(system.moved(system.variant(), pids, system.startup()));
    awaitReady(started, progress);
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  /**
   * The RSA key auth-service signs with locally: generated once per checkout (kept across restarts
   * so issued tokens stay valid), readable by the E2E suite to mint deliberately expired tokens.
   */
  public Path signingKey() {
    Path key = repo.resolve(".flashdeal/jwt-signing-key.pem");
    if (Files.isRegularFile(key)) {
      return key;
    }
    try {
      java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      Files.createDirectories(key.getParent());
      Files.writeString(key, pem, StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(
          key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      return key;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new LauncherException(
          "cannot create the local signing key " + key + ": " + e.getMessage(), e);
    }
  }

  /**
   * The services' client secrets (the services that call others' internal APIs with their own
   * identity): created once per checkout in {@code .flashdeal/service-clients.properties}, owner
   * read-only, like the signing key; never in the repository.
   */
  public Map<String, String> serviceClients() {
    try {
      return ServiceClients.load(
          repo.resolve(".flashdeal/service-clients.properties"), ServiceClients.CALLERS);
    } catch (IOException e) {
      throw new LauncherException("cannot create the service client secrets: " + e.getMessage(), e);
    }
  }

  /**
   * Stops what {@link #up} started (services, and the deps if that start started them); nothing
   * else.
   */
  public void down(Consumer<String> progress) {
    down(progress, true);
  }

  /**
   * {@link #down}, and with {@code graceful} false the services are killed (SIGKILL) instead of
   * asked to stop: for the bench, whose next deployment need not wait ~3 s for Spring's shutdown of
   * stateless services. A JVM recording an AOT cache is always let to finish (it writes on exit).
   */
  public void down(Consumer<String> progress, boolean graceful) {
    Optional<RunningSystem> state = readState();
    if (state.isEmpty()) {
      progress.accept("nothing to stop");
      return;
    }
    stop(
        state.get().pids(),
        state.get().startedDeps() ? LocalDeps.fromEnvironment() : null,
        progress,
        graceful || training());
    deleteState();
  }

  private boolean training() {
    return environment.getOrDefault("FLASHDEAL_AOT", "off").equals("train");
  }

  /** The recorded system if all its services still run. */
  public Optional<RunningSystem> running() {
    return readState()
        .filter(
            s ->
                s.pids().values().stream()
                    .allMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
  }

  /** Resident memory of each running service, from /proc (Linux), in KiB. */
  public Map<String, Long> residentKib() {
    Map<String, Long> rss = new LinkedHashMap<>();
    readState().ifPresent(s -> s.pids().forEach((name, pid) -> rss.put(name, rssKib(pid))));
    return rss;
  }

  static long rssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not running, or not Linux
    }
    return -1;
  }

  private Path log(Service s) {
    return logDir().resolve(s.name() + ".log");
  }

  private Process start(Service s, Path jar, Map<String, String> env, boolean appendLog)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // Bounded heaps so five JVMs fit a laptop and RSS figures compare; FLASHDEAL_JAVA_OPTS
    // overrides.
    command.addAll(
        List.of(
            env.getOrDefault(
                    "FLASHDEAL_JAVA_OPTS",
                    // A JVM out of memory exits (as in the images), instead of limping on in GC.
                    "-Xms64m -Xmx256m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError")
                .split("\\s+")));
    command.add("-Dflashdeal.service=" + s.name());
    command.addAll(runCommand(s, jar, env.getOrDefault("FLASHDEAL_AOT", "off")));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(
        appendLog
            ? ProcessBuilder.Redirect.appendTo(log(s).toFile())
            : ProcessBuilder.Redirect.to(log(s).toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().clear();
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Whether every service of this variant has an AOT cache recorded for its current jar. */
  public boolean aotCacheReady(String variantName) {
    String version = version();
    Variant variant = Variant.load(variantsDir(), variantName);
    for (Service s : Service.PHASE1) {
      Path jar = s.jar(repo, version, variant.env());
      try {
        if (!Files.isRegularFile(jarDir(s, jar).resolve(AOT_CACHE))) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  private static boolean springBootJar(Path jar) throws IOException {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      return zip.getEntry("BOOT-INF/") != null || zip.getEntry("BOOT-INF/classes/") != null;
    }
  }

  /** Per service and jar stamp: the extracted jar and the AOT cache recorded for it. */
  private Path jarDir(Service s, Path jar) throws IOException {
    return repo.resolve(".flashdeal/jars")
        .resolve(s.name())
        .resolve(Files.getLastModifiedTime(jar).toMillis() + "-" + Files.size(jar));
  }

  /**
   * How the service jar is run: a Spring Boot jar always from its extracted form (a plain jar with
   * its libraries beside it, as in the images), never from its nested jars. Spring Boot's
   * nested-jar class loader can hang a JVM whose virtual threads load classes at once
   * (spring-boot#51463): a cold order-service restarted into a stampede of retrying buyers stopped
   * answering for good while the bench's smoke sale ran in CI. The extracted form also starts
   * faster and is what an AOT cache can hold. It is made once per jar stamp under {@code
   * .flashdeal/jars/<service>/}, so a rebuilt jar is extracted again and a stale copy is never run.
   *
   * <p>{@code FLASHDEAL_AOT=train|on} (JDK 25: JEP 483/514/515) adds the AOT cache: {@code train}
   * records the loaded classes and method profiles of this run into {@code app.aot} beside the
   * extracted jar when the JVM exits, {@code on} starts from that cache (less class loading at
   * start, hot methods known to the JIT from the first request). One cache per jar, whichever
   * variant trained it: variants differ in configuration only (a stock strategy is a few small
   * classes, loaded from the jar as usual when the cache lacks them), and one training per build
   * instead of one per variant keeps a fresh machine's bench within its time.
   */
  List<String> runCommand(Service s, Path jar, String mode) {
    if (!mode.isBlank() && !List.of("off", "train", "on").contains(mode)) {
      throw new LauncherException("FLASHDEAL_AOT must be off, train or on, not '" + mode + "'");
    }
    try {
      Path dir = jarDir(s, jar);
      // Only Spring Boot's nested jars need extracting; a plain (shaded) jar runs as it is.
      Path run = springBootJar(jar) ? extracted(dir, jar) : jar;
      if (mode.isBlank() || mode.equals("off")) {
        return List.of("-jar", run.toString());
      }
      Path cache = dir.resolve(AOT_CACHE);
      if (mode.equals("on") && !Files.isRegularFile(cache)) {
        throw new LauncherException(
            "no AOT cache for "
                + s.name()
                + " at "
                + cache
                + "; record one first with FLASHDEAL_AOT=train (a run with traffic, then stop)");
      }
      Files.createDirectories(dir);
      return List.of(
          mode.equals("train") ? "-XX:AOTCacheOutput=" + cache : "-XX:AOTCache=" + cache,
          "-jar",
          run.toString());
    } catch (IOException e) {
      throw new LauncherException("set-up of " + s.name() + "'s jar failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LauncherException("interrupted");
    }
  }

  /**
   * The jar extracted into {@code dir/app}: into a directory of its own first, then renamed, so
   * that two launches at once (parallel test systems) never run a half-written copy.
   */
  private static Path extracted(Path dir, Path jar) throws IOException, InterruptedException {
    Path app = dir.resolve("app");
    Path extractedJar = app.resolve(jar.getFileName());
    if (Files.isRegularFile(extractedJar)) {
      return extractedJar;
    }
    Files.createDirectories(dir);
    Path partial = Files.createTempDirectory(dir, "app-");
    Process p =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--force",
                "--destination",
                partial.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0 || !Files.isRegularFile(partial.resolve(jar.getFileName()))) {
      deleteTree(partial);
      throw new LauncherException("cannot extract " + jar + ": " + out);
    }
    try {
      Files.move(partial, app, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Another launch was quicker: its copy is the same jar's.
      deleteTree(partial);
      if (!Files.isRegularFile(extractedJar)) {
        throw e;
      }
    }
    return extractedJar;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Waits until every service in {@code pids} is ready (all of them at start, one at a restart).
   */
  private void awaitReady(Map<String, Long> pids, Consumer<String> progress) {
    Duration timeout =
        Duration.ofSeconds(
            Long.parseLong(environment.getOrDefault("FLASHDEAL_STARTUP_TIMEOUT_SECONDS", "180")));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    // Whichever service fails first fails the start at once; the others' waits are abandoned.
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      java.util.concurrent.CompletionService<Void> waits =
          new java.util.concurrent.ExecutorCompletionService<>(pool);
      List<Future<Void>> all = new ArrayList<>();
      for (Service s : Service.PHASE1) {
        if (pids.containsKey(s.name())) {
          all.add(waits.submit(() -> awaitReady(s, pids.get(s.name()), timeout, http, progress)));
        }
      }
      try {
        for (int i = 0; i < all.size(); i++) {
          waits.take().get();
        }
      } catch (java.util.concurrent.ExecutionException e) {
        all.forEach(f -> f.cancel(true));
        throw e.getCause() instanceof RuntimeException re
            ? re
            : new LauncherException(e.getCause().toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        all.forEach(f -> f.cancel(true));
        throw new LauncherException("interrupted while waiting for the services");
      }
    }
  }

  private Void awaitReady(
      Service s, long pid, Duration timeout, HttpClient http, Consumer<String> progress) {
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    URI readiness = URI.create(s.url() + "/actuator/health/readiness");
    while (System.nanoTime() < deadline) {
      if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        throw failed(s, "exited during start-up");
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          progress.accept(
              "%s: ready in %.1f s".formatted(s.name(), (System.nanoTime() - t0) / 1e9));
          return null;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LauncherException("interrupted");
      }
      sleep(250);
    }
    throw failed(
        s, "not ready within " + timeout.toSeconds() + " s" + threadDump(s, pid).orElse(""));
  }

  /**
   * A service that started but never became ready (seen once in CI: a restarted order-service hung)
   * is worth a look inside before it is stopped: its threads, by jcmd from this JDK, next to its
   * log.
   *
   * @return "; threads in (file)" when the dump was taken
   */
  private Optional<String> threadDump(Service s, long pid) {
    try {
      Path jcmd =
          Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
      Path out = logDir().resolve(s.name() + "-threads-" + System.currentTimeMillis() + ".txt");
      Process p =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0) {
        return Optional.of("; its threads are in " + repo.relativize(out));
      }
      p.destroyForcibly();
    } catch (IOException e) {
      // no jcmd here: the log is all there is
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  private LauncherException failed(Service s, String why) {
    return new LauncherException(
        s.name() + " " + why + "; last lines of " + log(s) + ":\n" + tail(log(s), 30));
  }

  private void stop(
      Map<String, Long> pids, LocalDeps deps, Consumer<String> progress, boolean graceful) {
    List<ProcessHandle> stopping = new ArrayList<>();
    pids.forEach(
        (name, pid) ->
            ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(
                    h ->
                        h.info()
                            .commandLine()
                            .map(c -> c.contains("-Dflashdeal.service=" + name))
                            .orElse(true))
                .ifPresent(
                    h -> {
                      progress.accept(
                          name + (graceful ? ": stopping" : ": killing") + " (pid " + pid + ")");
                      if (graceful) {
                        h.destroy();
                      } else {
                        h.destroyForcibly();
                      }
                      stopping.add(h);
                    }));
    // A JVM recording an AOT cache writes it on exit: give it time (FLASHDEAL_AOT=train).
    long grace = training() ? 180 : 20;
    for (ProcessHandle h : stopping) {
      try {
        h.onExit().get(grace, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
    if (deps != null) {
      progress.accept("deps: stopping PostgreSQL and Redis (this start had started them)");
      deps.down();
    }
  }

  private void writeState(RunningSystem s) {
    Properties p = new Properties();
    p.setProperty("variant", s.variant());
    p.setProperty("gateway", s.gateway().toString());
    p.setProperty("adminEmail", s.adminEmail());
    p.setProperty("adminPassword", s.adminPassword());
    p.setProperty("startupMillis", Long.toString(s.startup().toMillis()));
    p.setProperty("startedDeps", Boolean.toString(s.startedDeps()));
    s.pids().forEach((name, pid) -> p.setProperty("pid." + name, Long.toString(pid)));
    try {
      Files.createDirectories(runDir);
      try (OutputStream out = Files.newOutputStream(stateFile)) {
        p.store(out, "written by the Flash Deal launcher; `make down` reads it");
      }
    } catch (IOException e) {
      throw new LauncherException("cannot write " + stateFile + ": " + e.getMessage(), e);
    }
  }

  Optional<RunningSystem> readState() {
    if (!Files.isRegularFile(stateFile)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(stateFile)) {
      p.load(in);
    } catch (IOException e) {
      throw new LauncherException("cannot read " + stateFile + ": " + e.getMessage(), e);
    }
    Map<String, Long> pids = new LinkedHashMap<>();
    for (Service s : Service.PHASE1) {
      String pid = p.getProperty("pid." + s.name());
      if (pid != null) {
        pids.put(s.name(), Long.parseLong(pid));
      }
    }
    return Optional.of(
        new RunningSystem(
            p.getProperty("variant"),
            URI.create(p.getProperty("gateway")),
            p.getProperty("adminEmail"),
            p.getProperty("adminPassword"),
            pids,
            Duration.ofMillis(Long.parseLong(p.getProperty("startupMillis", "0"))),
            Boolean.parseBoolean(p.getProperty("startedDeps"))));
  }

  private void deleteState() {
    try {
      Files.deleteIfExists(stateFile);
    } catch (IOException e) {
      throw new LauncherException("cannot delete " + stateFile + ": " + e.getMessage(), e);
    }
  }

  static String version() {
    try (InputStream in = Launcher.class.getResourceAsStream("/launcher.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException | NullPointerException e) {
      throw new LauncherException("launcher.properties missing from the classpath", e);
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static boolean portInUse(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String randomPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder s = new StringBuilder("fd-");
    for (int i = 0; i < 20; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
