package com.flashdeal.harness.platform.local;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.fault.Fault;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.platform.StateReset;
import com.flashdeal.harness.platform.VariantName;
import com.flashdeal.launcher.Launcher;
import com.flashdeal.launcher.RunningSystem;
import com.flashdeal.launcher.Service;
import com.flashdeal.localdeps.DepsSettings;
import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.localdeps.ServiceDatabase;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The default platform: the launcher's JVM processes on the private PostgreSQL/Redis, no Docker.
 * The deps are started once for the whole bench (not by each deploy), so a variant change restarts
 * the JVMs only, never the database.
 */
public final class LocalPlatform implements Platform {
  private final Launcher launcher;
  private final Consumer<String> progress;
  private boolean startedDeps;

  /** The launcher of the running deployment (its AOT mode): restarts and the stop go through it. */
  private Launcher activeLauncher;

  private VariantName.Aot activeAot;

  /** Not on the order path, and configured alike in every variant: not restarted between them. */
  private static final java.util.Set<String> KEPT_ACROSS_VARIANTS =
      java.util.Set.of("auth-service");

  public LocalPlatform(Launcher launcher, Consumer<String> progress) {
    this.launcher = launcher;
    this.progress = progress;
  }

  @Override
  public void prepare(boolean keepUsers) {
    if (launcher.running().isPresent()) {
      throw new HarnessException(
          "a system started by `make up` is running; run `make down` before benchmarking");
    }
    LocalDeps deps = LocalDeps.fromEnvironment();
    if (!keepUsers) {
      // Fresh clusters: initdb is quick, and nothing of an earlier run (or of the tests) can leak
      // into the measurement. With --reuse-users the auth data stays; product and order data are
      // emptied after each deploy instead (resetState).
      deps.clean();
    }
    startedDeps = deps.up().stream().anyMatch(line -> line.contains(" started"));
  }

  @Override
  public Deployment deploy(String variant) {
    // "<variant>+aot": the same variant started from its JDK AOT cache; "+aot-train" records it.
    VariantName name = VariantName.parse(variant);
    Launcher l =
        name.aot() == VariantName.Aot.OFF
            ? launcher
            : launcher.with("FLASHDEAL_AOT", name.aot() == VariantName.Aot.TRAIN ? "train" : "on");
    RunningSystem system;
    if (activeLauncher != null && activeAot == name.aot() && name.aot() != VariantName.Aot.TRAIN) {
      // Fresh JVMs for the order path; auth-service, the same in every variant, runs on.
      system =
          l.switchVariant(
              name.base(), KEPT_ACROSS_VARIANTS, line -> progress.accept("    " + line));
    } else {
      // The services are stateless and the last run is judged: kill them rather than wait for
      // Spring's graceful shutdown (~3 s). A training run still stops gracefully (it writes then).
      (activeLauncher != null ? activeLauncher : launcher).down(line -> {}, false);
      system = l.up(name.base(), line -> progress.accept("    " + line));
    }
    activeAot = name.aot();
    activeLauncher = l;
    Map<String, URI> services = new LinkedHashMap<>();
    Service.PHASE1.forEach(s -> services.put(s.name(), URI.create(s.url())));
    LocalDeps deps = LocalDeps.fromEnvironment();
    DepsSettings settings = deps.settings();
    Map<String, Database> databases = new LinkedHashMap<>();
    for (ServiceDatabase db : settings.databases()) {
      databases.put(
          db.service(),
          new Database(
              db.jdbcUrl(settings.host(), settings.postgresPort()), db.role(), db.password()));
    }
    Map<String, Long> pids = new LinkedHashMap<>(system.pids());
    pids.putAll(deps.serverPids());
    return new Deployment(
        variant,
        system.gateway(),
        system.adminEmail(),
        system.adminPassword(),
        services,
        pids,
        databases);
  }

  @Override
  public boolean aotReady(String variant) {
    // The launcher knows variants by their file's name; +aot is the harness's modifier.
    return launcher.aotCacheReady(VariantName.parse(variant).base());
  }

  @Override
  public void inject(Deployment deployment, Fault fault) {
    switch (fault.kind()) {
      case KILL -> {
        Long pid = deployment.pids().get(fault.target());
        if (pid == null) {
          throw new HarnessException("no process of " + fault.target() + " to kill");
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        progress.accept("    fault: killed " + fault.target() + " (pid " + pid + ", SIGKILL)");
        // The launcher starts it again with the environment it had; the deployment's pid map is
        // the harness's own copy, so the new pid goes there too (CPU and RSS follow it).
        activeLauncher.restart(fault.target(), line -> progress.accept("    " + line));
        activeLauncher
            .running()
            .ifPresent(s -> deployment.pids().put(fault.target(), s.pids().get(fault.target())));
      }
      case RESTART -> {
        progress.accept("    fault: restarting " + fault.target());
        LocalDeps.fromEnvironment().restart(fault.target());
        deployment.pids().putAll(LocalDeps.fromEnvironment().serverPids());
      }
    }
  }

  @Override
  public void resetState(Deployment deployment) {
    StateReset.run(deployment.databases());
    brokerUrl(deployment).ifPresent(StateReset::purgeQueues);
  }

  @Override
  public java.util.Optional<String> brokerUrl(Deployment deployment) {
    LocalDeps deps = LocalDeps.fromEnvironment();
    return deps.serverPids().containsKey("rabbitmq")
        ? java.util.Optional.of(deps.environment().get("FLASHDEAL_RABBITMQ_URL"))
        : java.util.Optional.empty();
  }

  @Override
  public void stop() {
    // A training run writes its caches while stopping: its launcher knows to wait for that.
    (activeLauncher != null ? activeLauncher : launcher)
        .down(line -> progress.accept("    " + line));
    activeLauncher = null;
  }

  @Override
  public void close() {
    stop();
    if (startedDeps) {
      LocalDeps.fromEnvironment().down();
      startedDeps = false;
    }
  }
}
