package com.flashdeal.product.stock;

import com.flashdeal.product.deal.DealRecord;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Admission in front of the database transaction. The Phase 1 strategies have none ({@link #OPEN}:
 * the database decides everything); {@code redis-lua} decides in Redis who may try, and answers
 * every refusal (sold out above all) without touching PostgreSQL; {@code redis-lock} admits
 * everyone but one at a time per deal ({@link #around}). The database's conditional UPDATE stays
 * the final guard either way, so a gate can only refuse too early or admit too much, never sell a
 * unit twice.
 */
public interface StockGate {

  /** What the gate decided about one reservation request. */
  enum Verdict {
    /** Units were taken in the gate: give them back unless the database creates the reservation. */
    TAKEN,
    /** Nothing taken here (no gate, or a repeat of an admitted order id): the database decides. */
    PASS,
    CONFLICT,
    NOT_ACTIVE,
    LIMIT_EXCEEDED,
    SOLD_OUT
  }

  /** Whether this gate takes anything, so that callers can skip the work a gate needs. */
  boolean gated();

  Verdict admit(DealRecord deal, UUID orderId, UUID userId, int quantity, Instant now);

  /**
   * Gives back what {@link #admit} took for this order id, at most once however often it is called;
   * a no-op when nothing is held for it.
   */
  void giveBack(long dealId, UUID orderId);

  /**
   * Runs one reservation's database transaction. As it is, here; {@code redis-lock} runs it under
   * the deal's lock, so that buyers of one deal queue in Redis instead of on its row.
   */
  default <T> T around(long dealId, Supplier<T> transaction) {
    return transaction.get();
  }

  /** Phase 1: no gate. */
  StockGate OPEN =
      new StockGate() {
        @Override
        public boolean gated() {
          return false;
        }

        @Override
        public Verdict admit(
            DealRecord deal, UUID orderId, UUID userId, int quantity, Instant now) {
          return Verdict.PASS;
        }

        @Override
        public void giveBack(long dealId, UUID orderId) {}
      };
}
