package com.flashdeal.product;

import com.flashdeal.localdeps.LocalDeps;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Holds a deal's row lock from outside the service (its own connection, not the service's pool), so
 * that reservations of that deal block inside their transaction while holding a pooled connection
 * and an admission slot: the way a hot row behaves under a spike, on demand.
 */
final class RowLock implements AutoCloseable {
  private final Connection connection;

  RowLock(long dealId) throws SQLException {
    Map<String, String> deps = LocalDeps.ensureUp().environment();
    connection =
        DriverManager.getConnection(
            deps.get("FLASHDEAL_PRODUCT_DB_URL"),
            deps.get("FLASHDEAL_PRODUCT_DB_USER"),
            deps.get("FLASHDEAL_PRODUCT_DB_PASSWORD"));
    connection.setAutoCommit(false);
    try (var statement =
        connection.prepareStatement("SELECT 1 FROM deal WHERE id = ? FOR UPDATE")) {
      statement.setLong(1, dealId);
      statement.executeQuery().close();
    }
  }

  @Override
  public void close() throws SQLException {
    connection.commit();
    connection.close();
  }
}
