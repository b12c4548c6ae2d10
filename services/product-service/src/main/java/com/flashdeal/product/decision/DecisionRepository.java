package com.flashdeal.product.decision;

import com.flashdeal.product.sql.DecisionsSql;
import com.flashdeal.servicecore.messaging.Messages;
import com.flashdeal.servicecore.messaging.Messages.StockDecided;
import com.flashdeal.servicecore.messaging.Outbox;
import com.flashdeal.servicecore.messaging.OutboxMessage;
import com.flashdeal.servicecore.messaging.Topology;
import com.flashdeal.servicecore.sql.SqlArrays;
import com.flashdeal.servicedefaults.messaging.OutboxDrains;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Stock decisions and their outbox; statements from sql/decisions.sql. */
@Repository
class DecisionRepository implements Outbox {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  DecisionRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
  }

  boolean has(UUID orderId) {
    return jdbc.sql(DecisionsSql.HAS_DECISION)
        .param("orderId", orderId)
        .query(Boolean.class)
        .single();
  }

  void recordReserved(UUID orderId, long unitPriceMinor, String currency) {
    jdbc.sql(DecisionsSql.RECORD_RESERVED)
        .param("orderId", orderId)
        .param("unitPriceMinor", unitPriceMinor)
        .param("currency", currency)
        .update();
  }

  /** False when a live reservation holds units for this order (then it is not rejected). */
  boolean recordRejected(UUID orderId, String code) {
    return jdbc.sql(DecisionsSql.RECORD_REJECTED)
            .param("orderId", orderId)
            .param("rejectionCode", code)
            .update()
        > 0;
  }

  @Override
  public int drain(int limit, Publisher publisher) {
    return OutboxDrains.drain(
        tx,
        () ->
            jdbc.sql(DecisionsSql.CLAIM_DECISIONS)
                .param("limit", limit)
                .query(
                    (rs, n) -> {
                      long price = rs.getLong("unit_price_minor");
                      boolean hasPrice = !rs.wasNull();
                      String currency = rs.getString("currency");
                      StockDecided decision =
                          new StockDecided(
                              rs.getObject("order_id", UUID.class),
                              rs.getString("outcome"),
                              rs.getString("rejection_code"),
                              hasPrice ? price : null,
                              currency == null ? null : currency.strip());
                      // The decision's row is keyed by its order id: the message id says which.
                      return new OutboxMessage(
                          0,
                          decision.orderId().toString(),
                          Topology.STOCK_DECIDED,
                          Messages.write(decision));
                    })
                .list(),
        publisher,
        batch ->
            jdbc.sql(DecisionsSql.MARK_DECISIONS_PUBLISHED)
                .param(
                    "orderIds",
                    SqlArrays.uuids(
                        batch.stream().map(m -> UUID.fromString(m.messageId())).toList()))
                .update());
  }

  @Override
  public Backlog backlog() {
    return jdbc.sql(DecisionsSql.DECISION_BACKLOG)
        .query((rs, n) -> new Backlog(rs.getLong("messages"), rs.getLong("oldest_age_millis")))
        .single();
  }
}
