package com.flashdeal.order.micronaut.orders;

import com.flashdeal.ordercore.orders.OrderRecord;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the order statements as Micronaut Data reads it: a projection by column name
 * (compile-time introspection, no entity mapping), turned into order-core's {@link OrderRecord}.
 * Micronaut Data maps only types it introspected itself, so order-core's record cannot be the
 * target directly.
 */
@Introspected
record OrderRow(
    UUID id,
    UUID userId,
    long dealId,
    long productId,
    int quantity,
    long unitPriceMinor,
    String currency,
    String status,
    @Nullable String rejectionCode,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    String requestFingerprint) {

  OrderRecord record() {
    return new OrderRecord(
        id,
        userId,
        dealId,
        productId,
        quantity,
        unitPriceMinor,
        currency,
        status,
        rejectionCode,
        createdAt,
        updatedAt,
        requestFingerprint);
  }
}
