package com.flashdeal.ordercore.orders;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders in order-service's own database, by the statements of {@code sql/orders.sql}: each stack
 * runs the very same generated constants with its own data access (Spring's JdbcClient, Micronaut
 * Data JDBC).
 */
public interface OrderStore {
  /**
   * Writes the order and its settlement in one statement.
   *
   * @throws DuplicateOrderException when a unique constraint refused it (naming which)
   */
  void insert(OrderRecord order, String idempotencyKey);

  Optional<OrderRecord> findByIdempotencyKey(UUID userId, String key);

  boolean hasOrderForDeal(UUID userId, long dealId);

  /**
   * The buyer's order with this key, else one of theirs for the deal that is not REJECTED, in one
   * statement ({@code FindOrderForCheckout}).
   */
  Optional<OrderRecord> findForCheckout(UUID userId, String key, long dealId);

  Optional<OrderRecord> findOwn(UUID id, UUID userId);

  List<OrderRecord> listOwn(UUID userId, int limit, long offset);

  long countOwn(UUID userId);

  /**
   * Whether this failure of {@link #insert} means the statement never reached the database (no
   * connection from the pool): then no order exists and the units can go back at once.
   */
  boolean neverRan(RuntimeException failure);
}
