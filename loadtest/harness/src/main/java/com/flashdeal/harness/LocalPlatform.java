package com.flashdeal.harness;

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
 */
final class LocalPlatform implements Platform {
  private final Launcher launcher;
  private final Consumer<String> progress;

  LocalPlatform(Launcher launcher, Consumer<String> progress) {
    this.launcher = launcher;
    this.progress = progress;
  }

  @Override
  public void reset() {
    if (launcher.running().isPresent()) {
      throw new HarnessException(
          "a system started by `make up` is running; run `make down` before benchmarking");
    }
    // Fresh clusters: initdb is quick, and nothing of an earlier run (or of the tests) can leak
    // into the measurement.
    LocalDeps.fromEnvironment().clean();
  }

  @Override
  public Deployment deploy(String variant) {
    RunningSystem system = launcher.up(variant, line -> progress.accept("    " + line));
    Map<String, URI> services = new LinkedHashMap<>();
    Service.PHASE1.forEach(s -> services.put(s.name(), URI.create(s.url())));
    DepsSettings deps = LocalDeps.fromEnvironment().settings();
    Map<String, Database> databases = new LinkedHashMap<>();
    for (ServiceDatabase db : deps.databases()) {
      databases.put(
          db.service(),
          new Database(db.jdbcUrl(deps.host(), deps.postgresPort()), db.role(), db.password()));
    }
    return new Deployment(
        variant,
        system.gateway(),
        system.adminEmail(),
        system.adminPassword(),
        services,
        system.pids(),
        databases);
  }

  @Override
  public void stop() {
    launcher.down(line -> progress.accept("    " + line));
  }
}
