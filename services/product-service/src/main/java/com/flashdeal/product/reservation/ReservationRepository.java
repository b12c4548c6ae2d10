package com.flashdeal.product.reservation;

import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.contract.product.model.ReservationStatus;
import com.flashdeal.product.deal.DealRecord;
import com.flashdeal.product.sql.ReservationsSql;
import com.flashdeal.product.web.Moneys;
import com.flashdeal.servicecore.sql.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reservations and per-user counters; statements from sql/reservations.sql. */
@Repository
class ReservationRepository {
  private final JdbcClient jdbc;

  ReservationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Empty when this order id was reserved before. */
  Optional<Reservation> insert(UUID orderId, DealRecord deal, UUID userId, int quantity) {
    return withReservation(
            jdbc.sql(ReservationsSql.INSERT_RESERVATION), orderId, deal, userId, quantity)
        .query(ReservationRepository::map)
        .optional();
  }

  /**
   * The parameters of a new reservation row: the order, the buyer, the deal's product and price.
   */
  private static JdbcClient.StatementSpec withReservation(
      JdbcClient.StatementSpec spec, UUID orderId, DealRecord deal, UUID userId, int quantity) {
    return spec.param("orderId", orderId)
        .param("dealId", deal.id())
        .param("productId", deal.productId())
        .param("userId", userId)
        .param("quantity", quantity)
        .param("unitPriceMinor", deal.priceMinor())
        .param("currency", deal.currency());
  }

  /** What refused a reservation made in one statement: the function's SQLSTATE, by rule. */
  enum Refusal {
    NOT_ACTIVE("FDNA1"),
    LIMIT_EXCEEDED("FDLIM"),
    SOLD_OUT("FDSO1");

    private final String sqlState;

    Refusal(String sqlState) {
      this.sqlState = sqlState;
    }

    static Optional<Refusal> of(DataAccessException e) {
      if (!(e.getMostSpecificCause() instanceof SQLException sql)) {
        return Optional.empty();
      }
      for (Refusal r : values()) {
        if (r.sqlState.equals(sql.getSQLState())) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  /** A refusal of {@link #reserveAtomically}: nothing was written. */
  static final class Refused extends RuntimeException {
    final Refusal refusal;

    Refused(Refusal refusal) {
      // A refusal is an answer, not a fault: no stack trace to fill.
      super(refusal.name(), null, false, false);
      this.refusal = refusal;
    }
  }

  /** The reservation and whether this call created it (false: the order id was reserved before). */
  record Reserved(Reservation reservation, boolean created) {}

  /**
   * db-atomic's whole reservation in one statement, committed by itself (call it outside a
   * transaction): the hot deal row is never locked across a client round trip.
   *
   * @throws Refused when a rule refuses it (nothing written)
   */
  Reserved reserveAtomically(
      UUID orderId, DealRecord deal, UUID userId, int quantity, boolean active) {
    try {
      return withReservation(
              jdbc.sql(ReservationsSql.RESERVE_ATOMICALLY), orderId, deal, userId, quantity)
          .param("perUserLimit", deal.perUserLimit())
          .param("active", active)
          .query((rs, n) -> new Reserved(map(rs, n), rs.getBoolean("created")))
          .single();
    } catch (DataAccessException e) {
      throw Refusal.of(e).map(Refused::new).orElseThrow(() -> e);
    }
  }

  Optional<Reservation> find(UUID orderId) {
    return jdbc.sql(ReservationsSql.FIND_RESERVATION)
        .param("orderId", orderId)
        .query(ReservationRepository::map)
        .optional();
  }

  /** False when the user would pass the deal's limit. */
  boolean addUserPurchase(long dealId, UUID userId, int quantity, int limit) {
    return jdbc.sql(ReservationsSql.ADD_USER_PURCHASE)
            .param("dealId", dealId)
            .param("userId", userId)
            .param("quantity", quantity)
            .param("perUserLimit", limit)
            .update()
        == 1;
  }

  record Released(long dealId, UUID userId, int quantity) {}

  Optional<Released> markReleased(UUID orderId) {
    return jdbc.sql(ReservationsSql.MARK_RELEASED)
        .param("orderId", orderId)
        .query(
            (rs, n) ->
                new Released(
                    rs.getLong("deal_id"),
                    rs.getObject("user_id", UUID.class),
                    rs.getInt("quantity")))
        .optional();
  }

  /**
   * Same lock order as a reservation (the user's counter row, then the deal row): the opposite
   * order deadlocks against a concurrent reservation by the same user, which the one-order-per-deal
   * race in OrderServiceIT provoked.
   */
  void giveBack(Released released) {
    jdbc.sql(ReservationsSql.SUBTRACT_USER_PURCHASE)
        .param("dealId", released.dealId())
        .param("userId", released.userId())
        .param("quantity", released.quantity())
        .update();
    jdbc.sql(ReservationsSql.RETURN_DEAL_STOCK)
        .param("dealId", released.dealId())
        .param("quantity", released.quantity())
        .update();
  }

  /** Open reservations older than the hold, oldest first. */
  java.util.List<UUID> findExpired(
      java.time.Duration hold, int batch, java.util.Collection<UUID> skip) {
    return jdbc.sql(ReservationsSql.FIND_EXPIRED_RESERVATIONS)
        .param("holdSeconds", hold.toMillis() / 1000.0)
        .param("skip", SqlArrays.uuids(skip))
        .param("batch", batch)
        .query((rs, row) -> rs.getObject("order_id", UUID.class))
        .list();
  }

  /** RESERVED to CONFIRMED for these order ids; the others are left as they are. */
  int confirm(java.util.Collection<UUID> orderIds) {
    return jdbc.sql(ReservationsSql.CONFIRM_RESERVATIONS)
        .param("orderIds", SqlArrays.uuids(orderIds))
        .update();
  }

  private static Reservation map(ResultSet rs, int n) throws SQLException {
    Reservation r =
        new Reservation(
            rs.getObject("order_id", UUID.class),
            rs.getLong("deal_id"),
            rs.getLong("product_id"),
            rs.getObject("user_id", UUID.class),
            rs.getInt("quantity"),
            Moneys.of(rs.getLong("unit_price_minor"), rs.getString("currency")),
            ReservationStatus.fromValue(rs.getString("status")),
            rs.getObject("created_at", OffsetDateTime.class));
    r.setReleasedAt(rs.getObject("released_at", OffsetDateTime.class));
    return r;
  }
}
