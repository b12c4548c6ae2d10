package com.flashdeal.launcher;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A started system, as the launcher recorded it.
 *
 * @param variant its variant
 * @param gateway the only public entry point
 * @param adminEmail the bootstrapped admin (the harness and the E2E suite create products and deals
 *     with it)
 * @param adminPassword its password, generated per start unless FLASHDEAL_ADMIN_PASSWORD is set
 * @param pids service name to process id
 * @param startup from launch to every service ready
 * @param startedDeps whether this start also started PostgreSQL/Redis (then {@code down} stops them
 *     too)
 */
public record RunningSystem(
    String variant,
    URI gateway,
    String adminEmail,
    String adminPassword,
    Map<String, Long> pids,
    Duration startup,
    boolean startedDeps) {

  public RunningSystem {
    pids = Map.copyOf(pids);
  }

  /** The same system under another variant, with these processes and start-up time. */
  RunningSystem moved(String newVariant, Map<String, Long> newPids, Duration newStartup) {
    return new RunningSystem(
        newVariant, gateway, adminEmail, adminPassword, newPids, newStartup, startedDeps);
  }
}
