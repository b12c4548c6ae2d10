package com.flashdeal.harness;

import com.flashdeal.harness.sql.OracleSql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * After every run, from the services' own data (read-only, each database as its own role): sold
 * units never exceed the stock, no user above the limit, every order the client saw as created
 * exists (and no other), and product-service and order-service agree on how much was sold. Any
 * violation fails the run.
 */
final class Oracle {
  private static final Pattern PARAM = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

  record Verdict(boolean passed, List<String> violations, Map<String, Long> ledger) {}

  Verdict check(Platform.Deployment d, Seeder.Scene scene, K6Runner.Result k6) {
    Map<String, Object> product =
        one(d.databases().get("product"), OracleSql.DEAL_LEDGER, Map.of("dealId", scene.dealId()));
    Map<String, Object> order =
        one(d.databases().get("order"), OracleSql.ORDER_LEDGER, Map.of("dealId", scene.dealId()));
    long quantity = num(product, "quantity");
    long remaining = num(product, "remaining");
    long reserved = num(product, "reserved");
    long productMaxPerUser = num(product, "max_per_user");
    long orders = num(order, "orders");
    long units = num(order, "units");
    long orderMaxPerUser = num(order, "max_per_user");

    List<String> violations = new ArrayList<>();
    if (units > scene.stock()) {
      violations.add("oversold: " + units + " units confirmed for a stock of " + scene.stock());
    }
    if (units != reserved || reserved != quantity - remaining) {
      violations.add(
          "services disagree: order-service confirmed %d units, product-service holds %d reserved and %d taken (quantity %d - remaining %d)"
              .formatted(units, reserved, quantity - remaining, quantity, remaining));
    }
    if (orderMaxPerUser > scene.perUserLimit() || productMaxPerUser > scene.perUserLimit()) {
      violations.add(
          "a user holds %d units (order-service) / %d (product-service); the limit is %d"
              .formatted(orderMaxPerUser, productMaxPerUser, scene.perUserLimit()));
    }
    if (k6.ordersCreatedTotal() != orders) {
      violations.add(
          "the client saw "
              + k6.ordersCreatedTotal()
              + " orders created but order-service holds "
              + orders);
    }
    return new Verdict(
        violations.isEmpty(),
        violations,
        Map.of(
            "stock",
            (long) scene.stock(),
            "confirmedOrders",
            orders,
            "confirmedUnits",
            units,
            "reservedUnits",
            reserved,
            "remaining",
            remaining,
            "clientCreated",
            k6.ordersCreatedTotal()));
  }

  private static long num(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).longValue();
  }

  /** Runs a generated query, binding its named parameters in order of appearance. */
  private static Map<String, Object> one(
      Platform.Database db, String sql, Map<String, Object> params) {
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(sql);
    StringBuilder jdbcSql = new StringBuilder();
    while (m.find()) {
      names.add(m.group(1));
      m.appendReplacement(jdbcSql, "?");
    }
    m.appendTail(jdbcSql);
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        PreparedStatement ps = c.prepareStatement(jdbcSql.toString())) {
      c.setReadOnly(true);
      for (int i = 0; i < names.size(); i++) {
        ps.setObject(i + 1, params.get(names.get(i)));
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new HarnessException("oracle query returned no row");
        }
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        return row;
      }
    } catch (SQLException e) {
      throw new HarnessException("oracle query failed on " + db.url() + ": " + e.getMessage(), e);
    }
  }
}
