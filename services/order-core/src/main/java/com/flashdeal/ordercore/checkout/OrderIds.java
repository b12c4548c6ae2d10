package com.flashdeal.ordercore.checkout;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Order ids derived from what the buyer sent, not drawn at random: the same user, {@code
 * Idempotency-Key} and attempt give the same id. A buyer who retries after an unknown outcome (a
 * database restart mid-insert, a timeout) therefore asks product-service for the reservation it
 * already holds (reservations are idempotent by order id) instead of a second one that the per-user
 * limit refuses. An attempt whose units went back is spent; the key's next attempt gets the next
 * id.
 */
public final class OrderIds {
  private OrderIds() {}

  /**
   * Whether {@code orderId} is one of this key's first {@code attempts} ids: the order was made
   * with this key (ids are derived, never stored beside the key in what the order statements
   * return).
   */
  public static boolean isOf(UUID orderId, UUID userId, String idempotencyKey, int attempts) {
    for (int attempt = 0; attempt < attempts; attempt++) {
      if (of(userId, idempotencyKey, attempt).equals(orderId)) {
        return true;
      }
    }
    return false;
  }

  public static UUID of(UUID userId, String idempotencyKey, int attempt) {
    return UUID.nameUUIDFromBytes(
        ("flashdeal-order/" + userId + "/" + attempt + "/" + idempotencyKey)
            .getBytes(StandardCharsets.UTF_8));
  }
}
