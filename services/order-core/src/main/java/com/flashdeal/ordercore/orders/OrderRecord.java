package com.flashdeal.ordercore.orders;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.common.model.Money;
import com.flashdeal.contract.order.model.Order;
import com.flashdeal.contract.order.model.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An order row. {@code requestFingerprint} identifies the request an idempotency key was first used
 * with.
 */
public record OrderRecord(
    UUID id,
    UUID userId,
    long dealId,
    long productId,
    int quantity,
    long unitPriceMinor,
    String currency,
    String status,
    String rejectionCode,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    String requestFingerprint) {
  public OrderRecord {
    // currency is char(3): a padded value must not reach the API.
    currency = currency == null ? null : currency.strip();
  }

  public Order toApi() {
    Order order =
        new Order(
            id,
            dealId,
            productId,
            quantity,
            new Money(unitPriceMinor, currency),
            new Money(unitPriceMinor * quantity, currency),
            OrderStatus.fromValue(status),
            createdAt,
            updatedAt);
    if (rejectionCode != null) {
      order.setRejectionCode(ErrorCode.fromValue(rejectionCode));
    }
    return order;
  }

  /** One row of the order statements (JDBC row mappers). */
  public static OrderRecord map(ResultSet rs, int n) throws SQLException {
    return new OrderRecord(
        rs.getObject("id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getLong("deal_id"),
        rs.getLong("product_id"),
        rs.getInt("quantity"),
        rs.getLong("unit_price_minor"),
        rs.getString("currency"),
        rs.getString("status"),
        rs.getString("rejection_code"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getString("request_fingerprint"));
  }
}
