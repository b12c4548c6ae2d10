package com.flashdeal.e2e;

import com.flashdeal.launcher.Launcher;
import com.flashdeal.launcher.RunningSystem;
import java.net.URI;
import java.nio.file.Path;

/**
 * The system under test: the one `make up` started, or — when none runs — one this JVM starts
 * through the launcher (variant from {@code FLASHDEAL_E2E_VARIANT}) and stops when it exits.
 */
final class TheSystem {
  private static RunningSystem system;
  private static Launcher launcher;

  private TheSystem() {}

  static synchronized RunningSystem get() {
    if (system == null) {
      launcher = Launcher.fromEnvironment();
      var running = launcher.running();
      String asked = System.getenv("FLASHDEAL_E2E_VARIANT");
      if (running.isPresent()) {
        system = running.get();
        if (asked != null && !asked.equals(system.variant())) {
          // Testing the wrong variant would pass silently: say so instead.
          throw new IllegalStateException(
              "FLASHDEAL_E2E_VARIANT="
                  + asked
                  + " but the running system is "
                  + system.variant()
                  + "; run `make down` first");
        }
      } else {
        String variant = asked != null ? asked : "phase1-db-atomic";
        system = launcher.up(variant, line -> System.out.println("[e2e] " + line));
        System.out.printf(
            "[e2e] system up (variant %s) in %.1f s%n",
            system.variant(), system.startup().toMillis() / 1000.0);
        Launcher stopper = launcher;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(() -> stopper.down(line -> System.out.println("[e2e] " + line))));
      }
    }
    return system;
  }

  static URI gateway() {
    return get().gateway();
  }

  static Path signingKey() {
    get();
    return launcher.signingKey();
  }

  static Path repo() {
    return Launcher.findRepo();
  }
}
