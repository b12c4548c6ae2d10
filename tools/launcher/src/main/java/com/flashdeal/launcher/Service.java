package com.flashdeal.launcher;

import java.nio.file.Path;

/**
 * One service of the Phase 1 topology: the single place that says which jar runs on which port.
 * Start order does not matter (services fetch the JWKS lazily), so they start in parallel.
 *
 * @param name short name, also the log file name
 * @param module Maven module folder (relative to the repository) whose target/ holds the jar
 * @param port default port
 * @param portVariable environment variable that sets it
 */
public record Service(String name, String module, int port, String portVariable) {
  public static final Service AUTH =
      new Service("auth-service", "services/auth-service", 8081, "FLASHDEAL_AUTH_PORT");
  public static final Service PRODUCT =
      new Service("product-service", "services/product-service", 8082, "FLASHDEAL_PRODUCT_PORT");
  public static final Service ORDER =
      new Service("order-service", "services/order-service", 8083, "FLASHDEAL_ORDER_PORT");
  public static final Service GATEWAY =
      new Service("gateway", "services/gateway", 8080, "FLASHDEAL_GATEWAY_PORT");

  public static final java.util.List<Service> PHASE1 =
      java.util.List.of(AUTH, PRODUCT, ORDER, GATEWAY);

  public Path jar(Path repo, String version) {
    return repo.resolve(module)
        .resolve("target")
        .resolve(Path.of(module).getFileName() + "-" + version + ".jar");
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }
}
