package com.flashdeal.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One service of the Phase 1 topology: the single place that says which jar runs on which ports.
 * Start order does not matter (services fetch the JWKS lazily), so they start in parallel.
 *
 * @param name short name, also the log file name
 * @param module Maven module folder (relative to the repository) whose target/ holds the jar
 * @param port default port (the public API and the actuator)
 * @param portVariable environment variable that sets it
 * @param internalPort port of the internal API ({@code /internal/**}, other services only); 0 when
 *     the service has none
 * @param internalPortVariable environment variable that sets it (null when none)
 * @param stacks other implementations of the same service by stack name (module folders), chosen by
 *     a variant's {@link #stackVariable()}: Phase 4's order-service on Micronaut
 */
public record Service(
    String name,
    String module,
    int port,
    String portVariable,
    int internalPort,
    String internalPortVariable,
    Map<String, String> stacks) {
  /** The stack every service runs on unless a variant says otherwise. */
  public static final String DEFAULT_STACK = "spring";

  public Service {
    stacks = Map.copyOf(stacks);
  }

  public Service(
      String name,
      String module,
      int port,
      String portVariable,
      int internalPort,
      String internalPortVariable) {
    this(name, module, port, portVariable, internalPort, internalPortVariable, Map.of());
  }

  public static final Service AUTH =
      new Service(
          "auth-service",
          "services/auth-service",
          8081,
          "FLASHDEAL_AUTH_PORT",
          9081,
          "FLASHDEAL_AUTH_INTERNAL_PORT");
  public static final Service PRODUCT =
      new Service(
          "product-service",
          "services/product-service",
          8082,
          "FLASHDEAL_PRODUCT_PORT",
          9082,
          "FLASHDEAL_PRODUCT_INTERNAL_PORT");
  public static final Service ORDER =
      new Service(
          "order-service",
          "services/order-service",
          8083,
          "FLASHDEAL_ORDER_PORT",
          9083,
          "FLASHDEAL_ORDER_INTERNAL_PORT",
          Map.of("micronaut", "services/order-service-micronaut"));
  public static final Service GATEWAY =
      new Service("gateway", "services/gateway", 8080, "FLASHDEAL_GATEWAY_PORT", 0, null);

  public static final List<Service> PHASE1 = List.of(AUTH, PRODUCT, ORDER, GATEWAY);

  /** The jar of its default (Spring) implementation. */
  public Path jar(Path repo, String version) {
    return jar(repo, version, Map.of());
  }

  /** The jar of the implementation a variant's settings pick (see {@link #stackVariable()}). */
  public Path jar(Path repo, String version, Map<String, String> variantEnv) {
    String chosen = module(variantEnv);
    return repo.resolve(chosen)
        .resolve("target")
        .resolve(Path.of(chosen).getFileName() + "-" + version + ".jar");
  }

  /** The variable that picks this service's stack, e.g. {@code FLASHDEAL_ORDER_STACK=micronaut}. */
  public String stackVariable() {
    return "FLASHDEAL_"
        + name.replace("-service", "").toUpperCase(java.util.Locale.ROOT)
        + "_STACK";
  }

  /** The stack a variant's settings pick for this service. */
  public String stack(Map<String, String> variantEnv) {
    return variantEnv.getOrDefault(stackVariable(), DEFAULT_STACK);
  }

  /** The module folder of the implementation a variant's settings pick. */
  public String module(Map<String, String> variantEnv) {
    String stack = stack(variantEnv);
    if (stack.equals(DEFAULT_STACK)) {
      return module;
    }
    String other = stacks.get(stack);
    if (other == null) {
      throw new LauncherException(
          stackVariable()
              + "="
              + stack
              + ": "
              + name
              + " has no such implementation; known: "
              + new java.util.TreeSet<>(
                  java.util.stream.Stream.concat(
                          java.util.stream.Stream.of(DEFAULT_STACK), stacks.keySet().stream())
                      .toList()));
    }
    return other;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Where other services call its internal API. */
  public String internalUrl() {
    if (internalPort == 0) {
      throw new IllegalStateException(name + " has no internal API");
    }
    return "http://127.0.0.1:" + internalPort;
  }

  /** Every port it listens on. */
  public int[] ports() {
    return internalPort == 0 ? new int[] {port} : IntStream.of(port, internalPort).toArray();
  }
}
