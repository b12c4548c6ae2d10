package com.flashdeal.order.accept;

import com.flashdeal.order.sql.OutboxSql;
import com.flashdeal.ordercore.accept.AcceptedOrderStore;
import com.flashdeal.ordercore.orders.DuplicateOrderException;
import com.flashdeal.ordercore.orders.OrderRecord;
import com.flashdeal.servicecore.messaging.Messages;
import com.flashdeal.servicecore.messaging.Messages.OrderPlaced;
import com.flashdeal.servicecore.messaging.Messages.StockDecided;
import com.flashdeal.servicecore.messaging.OutboxMessage;
import com.flashdeal.servicecore.messaging.Topology;
import com.flashdeal.servicedefaults.messaging.OutboxDrains;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Accepted orders and order-service's outbox; statements from sql/outbox.sql. */
@Repository
class AcceptedOrderRepository implements AcceptedOrderStore {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  AcceptedOrderRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
  }

  @Override
  public void insertPending(OrderRecord order, String idempotencyKey) {
    try {
      jdbc.sql(OutboxSql.INSERT_PENDING_ORDER)
          .param("id", order.id())
          .param("userId", order.userId())
          .param("dealId", order.dealId())
          .param("productId", order.productId())
          .param("quantity", order.quantity())
          .param("unitPriceMinor", order.unitPriceMinor())
          .param("currency", order.currency())
          .param("idempotencyKey", idempotencyKey)
          .param("requestFingerprint", order.requestFingerprint())
          .param("createdAt", order.createdAt())
          .update();
    } catch (DuplicateKeyException e) {
      throw new DuplicateOrderException(e);
    }
  }

  @Override
  public boolean apply(StockDecided decision) {
    boolean reserved = StockDecided.RESERVED.equals(decision.outcome());
    return jdbc.sql(OutboxSql.APPLY_STOCK_DECISION)
            .param("id", decision.orderId())
            .param("status", reserved ? "CONFIRMED" : "REJECTED")
            .param("rejectionCode", reserved ? null : decision.rejectionCode())
            .param("unitPriceMinor", decision.unitPriceMinor())
            .param("currency", decision.currency())
            .update()
        > 0;
  }

  @Override
  public boolean exists(UUID orderId) {
    return jdbc.sql(OutboxSql.ORDER_EXISTS).param("id", orderId).query(Boolean.class).single();
  }

  @Override
  public int drain(int limit, Publisher publisher) {
    return OutboxDrains.drain(
        tx,
        () ->
            jdbc.sql(OutboxSql.CLAIM_OUTBOX)
                .param("limit", limit)
                .query(
                    (rs, n) -> {
                      UUID orderId = rs.getObject("order_id", UUID.class);
                      return new OutboxMessage(
                          rs.getLong("id"),
                          orderId.toString(),
                          Topology.ORDER_PLACED,
                          Messages.write(
                              new OrderPlaced(
                                  orderId,
                                  rs.getLong("deal_id"),
                                  rs.getObject("user_id", UUID.class),
                                  rs.getInt("quantity"))));
                    })
                .list(),
        publisher,
        batch ->
            jdbc.sql(OutboxSql.DELETE_OUTBOX)
                .param(
                    "ids",
                    batch.stream()
                        .map(m -> Long.toString(m.id()))
                        .collect(Collectors.joining(",", "{", "}")))
                .update());
  }

  @Override
  public Backlog backlog() {
    return jdbc.sql(OutboxSql.OUTBOX_BACKLOG)
        .query((rs, n) -> new Backlog(rs.getLong("messages"), rs.getLong("oldest_age_millis")))
        .single();
  }
}
