package com.flashdeal.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that cannot start must fail `up` quickly, show its log, and leave nothing running.
 * Three stand-in services that just sleep and one that dies at once, in a throw-away repository
 * layout; the private deps are real.
 */
class LauncherFailFastIT {
  @TempDir Path repo;

  @Test
  void aServiceThatDiesFailsTheStartAndNothingKeepsRunning() throws Exception {
    Files.createDirectories(repo.resolve("variants"));
    Files.writeString(repo.resolve("variants/test.env"), "# test\nFLASHDEAL_X=1\n");
    Path sleeper =
        jar(
            "Sleeper",
            "public class Sleeper { public static void main(String[] a) throws Exception { System.out.println(\"sleeping\"); Thread.sleep(600_000); } }");
    Path dier =
        jar(
            "Dier",
            "public class Dier { public static void main(String[] a) { System.out.println(\"boom: cannot connect to the moon\"); System.exit(3); } }");
    for (Service s : Service.PHASE1) {
      Path target = s.jar(repo, Launcher.version());
      Files.createDirectories(target.getParent());
      Files.copy(s == Service.PRODUCT ? dier : sleeper, target);
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("FLASHDEAL_STARTUP_TIMEOUT_SECONDS", "60");
    Launcher launcher = new Launcher(repo, env);
    List<String> progress = new ArrayList<>();

    long t0 = System.nanoTime();
    assertThatThrownBy(() -> launcher.up("test", progress::add))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("product-service exited during start-up")
        .hasMessageContaining("boom: cannot connect to the moon");
    assertThat((System.nanoTime() - t0) / 1e9).as("fails fast, not at the timeout").isLessThan(30);

    List<Long> pids =
        progress.stream()
            .filter(l -> l.contains("starting (pid "))
            .map(l -> Long.parseLong(l.replaceAll(".*\\(pid (\\d+).*", "$1")))
            .toList();
    assertThat(pids).hasSize(4);
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("pid %d stopped", pid)
          .isFalse();
    }
    assertThat(launcher.running()).isEmpty();
    assertThat(repo.resolve(".flashdeal/run/state.properties")).doesNotExist();
  }

  private Path jar(String name, String source) throws IOException {
    Path src = Files.createDirectories(repo.resolve("src-" + name)).resolve(name + ".java");
    Files.writeString(src, source);
    Path classes = Files.createDirectories(repo.resolve("classes-" + name));
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "--release", "21", "-d", classes.toString(), src.toString());
    assertThat(rc).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, name);
    Path jar = repo.resolve(name + ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, manifest)) {
      j.putNextEntry(new JarEntry(name + ".class"));
      j.write(Files.readAllBytes(classes.resolve(name + ".class")));
      j.closeEntry();
    }
    return jar;
  }
}
