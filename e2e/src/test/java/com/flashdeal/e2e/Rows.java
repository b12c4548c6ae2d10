package com.flashdeal.e2e;

import com.flashdeal.localdeps.LocalDeps;
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
    Map<String, String> env = LocalDeps.fromEnvironment().environment();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("user_account", count(env, "AUTH", "user_account"));
    counts.put("product", count(env, "PRODUCT", "product"));
    counts.put("deal", count(env, "PRODUCT", "deal"));
    counts.put("reservation", count(env, "PRODUCT", "reservation"));
    counts.put("customer_order", count(env, "ORDER", "customer_order"));
    return counts;
  }

  private static long count(Map<String, String> env, String service, String table) {
    String prefix = "FLASHDEAL_" + service + "_DB_";
    try (Connection c =
            DriverManager.getConnection(
                env.get(prefix + "URL"), env.get(prefix + "USER"), env.get(prefix + "PASSWORD"));
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError("cannot count " + table, e);
    }
  }
}
