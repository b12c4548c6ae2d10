package com.flashdeal.localdeps;

import java.util.List;
import java.util.Locale;

/**
 * One service's private database and the only role allowed into it (strict data ownership).
 *
 * @param service the service's short name ({@code auth}, {@code product}, {@code order})
 * @param database its database
 * @param role the role that owns the database; no other service role may connect to it
 * @param password that role's password
 */
public record ServiceDatabase(String service, String database, String role, String password) {

  /** The services of Phase 1 that own data, in the one place that names their databases. */
  public static final List<String> SERVICES = List.of("auth", "product", "order");

  /**
   * Names follow one rule so every tool derives the same ones: database {@code
   * flashdeal_<service>}, role {@code <service>_service}. The password comes from {@code
   * FLASHDEAL_<SERVICE>_DB_PASSWORD}, else a local-only default.
   */
  static ServiceDatabase of(String service, Env env) {
    String password =
        env.get(
            "FLASHDEAL_" + service.toUpperCase(Locale.ROOT) + "_DB_PASSWORD",
            service + "-local-pw");
    return new ServiceDatabase(service, "flashdeal_" + service, service + "_service", password);
  }

  /** JDBC URL of this database on the private server. */
  public String jdbcUrl(String host, int port) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }
}
