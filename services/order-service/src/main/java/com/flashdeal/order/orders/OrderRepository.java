package com.flashdeal.order.orders;

import com.flashdeal.order.sql.OrdersSql;
import com.flashdeal.ordercore.orders.DuplicateOrderException;
import com.flashdeal.ordercore.orders.OrderRecord;
import com.flashdeal.ordercore.orders.OrderStore;
import com.flashdeal.servicedefaults.problem.ProblemAdvice;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders in order-service's own database; statements from sql/orders.sql. */
@Repository
public class OrderRepository implements OrderStore {
  private final JdbcClient jdbc;

  OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(OrderRecord order, String idempotencyKey) {
    try {
      jdbc.sql(OrdersSql.INSERT_ORDER)
          .param("id", order.id())
          .param("userId", order.userId())
          .param("dealId", order.dealId())
          .param("productId", order.productId())
          .param("quantity", order.quantity())
          .param("unitPriceMinor", order.unitPriceMinor())
          .param("currency", order.currency())
          .param("status", order.status())
          .param("idempotencyKey", idempotencyKey)
          .param("requestFingerprint", order.requestFingerprint())
          .update();
    } catch (DuplicateKeyException e) {
      throw new DuplicateOrderException(e);
    }
  }

  @Override
  public Optional<OrderRecord> findByIdempotencyKey(UUID userId, String key) {
    return jdbc.sql(OrdersSql.FIND_ORDER_BY_IDEMPOTENCY_KEY)
        .param("userId", userId)
        .param("idempotencyKey", key)
        .query(OrderRecord::map)
        .optional();
  }

  @Override
  public Optional<OrderRecord> findForCheckout(UUID userId, String key, long dealId) {
    return jdbc.sql(OrdersSql.FIND_ORDER_FOR_CHECKOUT)
        .param("userId", userId)
        .param("idempotencyKey", key)
        .param("dealId", dealId)
        .query(OrderRecord::map)
        .optional();
  }

  @Override
  public boolean hasOrderForDeal(UUID userId, long dealId) {
    return jdbc.sql(OrdersSql.HAS_ORDER_FOR_DEAL)
        .param("userId", userId)
        .param("dealId", dealId)
        .query(Boolean.class)
        .single();
  }

  @Override
  public Optional<OrderRecord> findOwn(UUID id, UUID userId) {
    return jdbc.sql(OrdersSql.FIND_OWN_ORDER)
        .param("id", id)
        .param("userId", userId)
        .query(OrderRecord::map)
        .optional();
  }

  @Override
  public List<OrderRecord> listOwn(UUID userId, int limit, long offset) {
    return jdbc.sql(OrdersSql.LIST_OWN_ORDERS)
        .param("userId", userId)
        .param("limit", limit)
        .param("offset", offset)
        .query(OrderRecord::map)
        .list();
  }

  @Override
  public long countOwn(UUID userId) {
    return jdbc.sql(OrdersSql.COUNT_OWN_ORDERS).param("userId", userId).query(Long.class).single();
  }

  @Override
  public boolean neverRan(RuntimeException failure) {
    return ProblemAdvice.isPoolExhausted(failure);
  }
}
