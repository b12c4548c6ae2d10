package com.flashdeal.order.micronaut.orders;

import com.flashdeal.order.sql.OrdersSql;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of {@code sql/orders.sql} as a Micronaut Data JDBC repository: every
 * {@code @Query} is a constant generated from the very file the Spring implementation runs
 * (order-core); rows come back as {@link OrderRow}s.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrderQueries extends GenericRepository<OrderRow, UUID> {

  @Query(OrdersSql.INSERT_ORDER)
  long insertOrder(
      UUID id,
      UUID userId,
      long dealId,
      long productId,
      int quantity,
      long unitPriceMinor,
      String currency,
      String status,
      String idempotencyKey,
      String requestFingerprint);

  @Query(OrdersSql.FIND_ORDER_BY_IDEMPOTENCY_KEY)
  Optional<OrderRow> findOrderByIdempotencyKey(UUID userId, String idempotencyKey);

  @Query(OrdersSql.FIND_ORDER_FOR_CHECKOUT)
  Optional<OrderRow> findOrderForCheckout(UUID userId, String idempotencyKey, long dealId);

  @Query(OrdersSql.HAS_ORDER_FOR_DEAL)
  boolean hasOrderForDeal(UUID userId, long dealId);

  @Query(OrdersSql.FIND_OWN_ORDER)
  Optional<OrderRow> findOwnOrder(UUID id, UUID userId);

  @Query(OrdersSql.LIST_OWN_ORDERS)
  List<OrderRow> listOwnOrders(UUID userId, int limit, long offset);

  @Query(OrdersSql.COUNT_OWN_ORDERS)
  long countOwnOrders(UUID userId);
}
