package com.flashdeal.gateway;

import java.util.Properties;

/**
 * How many event loops Reactor Netty runs for the gateway's server and its upstream client (they
 * share them): one per core unless {@code FLASHDEAL_GATEWAY_EVENT_LOOPS} says otherwise.
 *
 * <p>Reactor Netty's own default is at least four, whatever the cores. On two cores that is two
 * loops per core, and a forwarded request whose upstream connection belongs to another loop than
 * its buyer's hands its work across threads (a wakeup each way). Measured with the {@code cost}
 * scenario on 2 cores: two loops cost the gateway 0.86x the CPU per deal read and 0.85x per 201 of
 * four (docs/performance.md). It is a JVM-wide setting read once, when Reactor Netty's loop
 * resources are first made, so it is applied in {@code main} before anything starts, and an
 * explicit {@code -Dreactor.netty.ioWorkerCount} wins.
 */
final class EventLoops {
  static final String VARIABLE = "FLASHDEAL_GATEWAY_EVENT_LOOPS";
  static final String PROPERTY = "reactor.netty.ioWorkerCount";

  private EventLoops() {}

  /**
   * Sets Reactor Netty's worker count from the variable (or the cores) unless the property is set.
   *
   * @throws IllegalArgumentException when the variable is not a positive whole number
   */
  static void configure(String variable, Properties system) {
    if (system.getProperty(PROPERTY) != null) {
      return;
    }
    system.setProperty(PROPERTY, Integer.toString(count(variable)));
  }

  static int count(String variable) {
    if (variable == null || variable.isBlank()) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int n = Integer.parseInt(variable.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        VARIABLE + " must be a positive whole number of event loops, got '" + variable + "'");
  }
}
