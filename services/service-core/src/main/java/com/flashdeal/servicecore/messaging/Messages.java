package com.flashdeal.servicecore.messaging;

import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two messages of the asynchronous order path, as JSON. Unknown members are refused and every
 * field is checked, so a malformed message is poison (dead-lettered) rather than half-applied.
 */
public final class Messages {
  private Messages() {}

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /** order-service accepted an order (202): product-service is to reserve its units. */
  public record OrderPlaced(UUID orderId, long dealId, UUID userId, int quantity) {
    public OrderPlaced {
      if (orderId == null || userId == null || quantity < 1) {
        throw new IllegalArgumentException("orderId, userId and a quantity >= 1 are required");
      }
    }
  }

  /**
   * product-service's decision on an order: {@code RESERVED} with the units' price, or {@code
   * REJECTED} with the contract's error code (SOLD_OUT, LIMIT_EXCEEDED, DEAL_NOT_ACTIVE, ...).
   */
  public record StockDecided(
      UUID orderId, String outcome, String rejectionCode, Long unitPriceMinor, String currency) {
    public static final String RESERVED = "RESERVED";
    public static final String REJECTED = "REJECTED";

    public StockDecided {
      if (orderId == null) {
        throw new IllegalArgumentException("orderId is required");
      }
      if (RESERVED.equals(outcome)) {
        if (unitPriceMinor == null || currency == null) {
          throw new IllegalArgumentException("a reservation carries its unit price");
        }
      } else if (REJECTED.equals(outcome)) {
        if (rejectionCode == null) {
          throw new IllegalArgumentException("a rejection carries its code");
        }
      } else {
        throw new IllegalArgumentException("outcome must be RESERVED or REJECTED: " + outcome);
      }
    }
  }

  public static byte[] write(Object message) {
    return JSON.writeValueAsBytes(message);
  }

  /**
   * @throws PoisonMessageException when the body is not a valid message of this type
   */
  public static <T> T read(byte[] body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new PoisonMessageException(
          "not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
