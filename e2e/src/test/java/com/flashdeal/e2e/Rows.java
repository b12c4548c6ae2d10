package com.flashdeal.e2e;

import com.flashdeal.localdeps.DepsSettings;
import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.localdeps.ServiceDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Read-only row counts from each service's own database, as its own role: the oracle for "nothing
 * was written". Tests never write through here.
 */
final class Rows {
  private Rows() {}

  static Map<String, Long> count() {
    DepsSettings deps = LocalDeps.fromEnvironment().settings();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("user_account", count(deps, "auth", "user_account"));
    counts.put("product", count(deps, "product", "product"));
    counts.put("deal", count(deps, "product", "deal"));
    counts.put("reservation", count(deps, "product", "reservation"));
    counts.put("customer_order", count(deps, "order", "customer_order"));
    return counts;
  }

  private static long count(DepsSettings deps, String service, String table) {
    ServiceDatabase db = deps.database(service);
    try (Connection c =
            DriverManager.getConnection(
                db.jdbcUrl(deps.host(), deps.postgresPort()), db.role(), db.password());
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError("cannot count " + table, e);
    }
  }
}
