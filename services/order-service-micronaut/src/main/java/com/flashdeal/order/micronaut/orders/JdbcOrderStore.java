package com.flashdeal.order.micronaut.orders;

import com.flashdeal.order.micronaut.web.ThreadModel;
import com.flashdeal.ordercore.orders.DuplicateOrderException;
import com.flashdeal.ordercore.orders.OrderRecord;
import com.flashdeal.ordercore.orders.OrderStore;
import com.flashdeal.servicecore.problem.Failures;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** order-core's {@link OrderStore} on {@link OrderQueries}. */
@Singleton
class JdbcOrderStore implements OrderStore {
  private final OrderQueries queries;

  JdbcOrderStore(OrderQueries queries) {
    this.queries = queries;
  }

  @Override
  public void insert(OrderRecord order, String idempotencyKey) {
    ThreadModel.requireBlockingThread();
    try {
      queries.insertOrder(
          order.id(),
          order.userId(),
          order.dealId(),
          order.productId(),
          order.quantity(),
          order.unitPriceMinor(),
          order.currency(),
          order.status(),
          idempotencyKey,
          order.requestFingerprint());
    } catch (RuntimeException e) {
      if (Failures.isUniqueViolation(e)) {
        throw new DuplicateOrderException(e);
      }
      throw e;
    }
  }

  @Override
  public Optional<OrderRecord> findByIdempotencyKey(UUID userId, String key) {
    ThreadModel.requireBlockingThread();
    return queries.findOrderByIdempotencyKey(userId, key).map(OrderRow::record);
  }

  @Override
  public Optional<OrderRecord> findForCheckout(UUID userId, String key, long dealId) {
    ThreadModel.requireBlockingThread();
    return queries.findOrderForCheckout(userId, key, dealId).map(OrderRow::record);
  }

  @Override
  public boolean hasOrderForDeal(UUID userId, long dealId) {
    ThreadModel.requireBlockingThread();
    return queries.hasOrderForDeal(userId, dealId);
  }

  @Override
  public Optional<OrderRecord> findOwn(UUID id, UUID userId) {
    ThreadModel.requireBlockingThread();
    return queries.findOwnOrder(id, userId).map(OrderRow::record);
  }

  @Override
  public List<OrderRecord> listOwn(UUID userId, int limit, long offset) {
    ThreadModel.requireBlockingThread();
    return queries.listOwnOrders(userId, limit, offset).stream().map(OrderRow::record).toList();
  }

  @Override
  public long countOwn(UUID userId) {
    ThreadModel.requireBlockingThread();
    return queries.countOwnOrders(userId);
  }

  @Override
  public boolean neverRan(RuntimeException failure) {
    return Failures.isPoolExhausted(failure);
  }
}
