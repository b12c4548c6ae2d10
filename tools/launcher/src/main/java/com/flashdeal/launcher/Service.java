package com.flashdeal.launcher;

import java.nio.file.Path;
import java.util.List;
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
 */
public record Service(
    String name,
    String module,
    int port,
    String portVariable,
    int internalPort,
    String internalPortVariable) {
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
          "FLASHDEAL_ORDER_INTERNAL_PORT");
  public static final Service GATEWAY =
      new Service("gateway", "services/gateway", 8080, "FLASHDEAL_GATEWAY_PORT", 0, null);

  public static final List<Service> PHASE1 = List.of(AUTH, PRODUCT, ORDER, GATEWAY);

  public Path jar(Path repo, String version) {
    return repo.resolve(module)
        .resolve("target")
        .resolve(Path.of(module).getFileName() + "-" + version + ".jar");
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
