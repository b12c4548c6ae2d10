package com.flashdeal.product.reservation;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.product.model.Reservation;
import com.flashdeal.product.ProductProperties;
import com.flashdeal.product.deal.DealRecord;
import com.flashdeal.product.deal.DealRepository;
import com.flashdeal.product.stock.StockGate;
import com.flashdeal.product.stock.StockStrategy;
import com.flashdeal.servicecore.deal.DealTerms;
import com.flashdeal.servicecore.problem.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reservation is three writes: the idempotency insert, the buyer's per-deal counter, the units.
 * Their order keeps the hot deal row locked for the shortest time: the rows private to this order
 * and buyer first, stock last, commit right after. With db-atomic's conditional decrement
 * (db-atomic and the Redis strategies) the database runs all three in one statement ({@code
 * reserve_atomically}), so the row is never locked across a client round trip; db-lock and naive
 * send them one by one in a transaction. A {@link StockGate} (redis-lua) admits or refuses before
 * the database, and gets back whatever the database does not turn into a new reservation.
 */
@Service
public class ReservationService {
  /** Deals whose terms the gate has read; a deal's terms never change once it exists. */
  private static final int MAX_KNOWN_DEALS = 10_000;

  private final DealRepository deals;
  private final ReservationRepository reservations;
  private final StockStrategy stock;
  private final StockGate gate;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final boolean oneStatement;
  // Bounded, least recently used first out; a deal's terms never change, so an entry is only ever
  // dropped to bound the memory (and an hour unused), never because it went stale.
  private final Cache<Long, DealRecord> knownDeals =
      Caffeine.newBuilder()
          .maximumSize(MAX_KNOWN_DEALS)
          .expireAfterAccess(Duration.ofHours(1))
          .build();

  ReservationService(
      DealRepository deals,
      ReservationRepository reservations,
      StockStrategy stock,
      StockGate gate,
      Clock clock,
      PlatformTransactionManager transactions,
      ProductProperties properties) {
    this.deals = deals;
    this.reservations = reservations;
    this.stock = stock;
    this.gate = gate;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.oneStatement = properties.oneStatementReservation() && stock.conditionalDecrement();
  }

  /**
   * A reservation and whether this call created it (201) or found it from an earlier identical call
   * (200).
   */
  public record Outcome(Reservation reservation, boolean created) {}

  public Outcome reserve(long dealId, UUID orderId, UUID userId, int quantity) {
    if (!gate.gated()) {
      return gate.around(dealId, () -> reserveInDatabase(terms(dealId), orderId, userId, quantity));
    }
    DealRecord deal = terms(dealId);
    Instant now = clock.instant();
    if (!deal.activeAt(now)) {
      // Outside the window the database answers (a repeat of an earlier reservation, or
      // DEAL_NOT_ACTIVE), and nothing is taken anywhere.
      return reserveInDatabase(deal, orderId, userId, quantity);
    }
    StockGate.Verdict verdict = passGate(deal, orderId, userId, quantity, now);
    Outcome outcome;
    try {
      outcome = reserveInDatabase(deal, orderId, userId, quantity);
    } catch (RuntimeException e) {
      // Refused by the guard, or the database failed (a commit that did not answer included: if
      // it did commit, the gate admits one unit too many, which the guard then refuses).
      if (verdict == StockGate.Verdict.TAKEN) {
        gate.giveBack(dealId, orderId);
      }
      throw e;
    }
    if (verdict == StockGate.Verdict.TAKEN && !outcome.created()) {
      // The database had this order id already (released, or reserved before Redis was rebuilt).
      gate.giveBack(dealId, orderId);
    }
    return outcome;
  }

  /**
   * Phase 5 ({@code phase5-async-redis}): only the gate's decision, before order-service accepts
   * the order, so that a sold-out deal is refused at once rather than through the queue. What the
   * gate takes stays held for this order id until {@link #reserve} with the same request makes it a
   * reservation (the gate then answers "a repeat": nothing is taken twice), or until the gate's
   * sweep gives it back after the hold when no reservation came (the order was never accepted).
   * Without a gate nothing is held and every request passes: {@link #reserve} decides.
   *
   * @throws ApiException 409 with the rule that refused it, 404 for an unknown deal, 503 when the
   *     gate cannot answer
   */
  public void admit(long dealId, UUID orderId, UUID userId, int quantity) {
    if (!gate.gated()) {
      return;
    }
    DealRecord deal = terms(dealId);
    Instant now = clock.instant();
    if (!deal.activeAt(now)) {
      throw deal.terms().notActive(now);
    }
    passGate(deal, orderId, userId, quantity, now);
  }

  /**
   * The gate needs the deal's terms (window, limit), not its remaining units: they are read once
   * per deal, so that a refusal from the gate touches no database at all.
   */
  private DealRecord terms(long dealId) {
    return knownDeals.get(dealId, this::find);
  }

  /** The gate's verdict; a refusal is thrown with its contract code. */
  private StockGate.Verdict passGate(
      DealRecord deal, UUID orderId, UUID userId, int quantity, Instant now) {
    StockGate.Verdict verdict = gate.admit(deal, orderId, userId, quantity, now);
    switch (verdict) {
      case CONFLICT -> throw conflict(orderId);
      case NOT_ACTIVE -> throw deal.terms().notActive(now);
      case LIMIT_EXCEEDED -> throw deal.terms().limitExceeded();
      case SOLD_OUT -> throw DealTerms.soldOut(deal.id());
      case TAKEN, PASS -> {
        // the database decides
      }
    }
    return verdict;
  }

  private DealRecord find(long dealId) {
    return deals
        .find(dealId)
        .orElseThrow(() -> ApiException.notFound("No deal with id " + dealId + "."));
  }

  /**
   * The database's part: the idempotency insert, the buyer's counter, the units. In one statement
   * when the strategy's decrement allows it, else in one transaction of statements.
   */
  private Outcome reserveInDatabase(DealRecord deal, UUID orderId, UUID userId, int quantity) {
    if (!oneStatement) {
      return tx.execute(t -> reserveInTransaction(deal, orderId, userId, quantity));
    }
    Instant now = clock.instant();
    ReservationRepository.Reserved reserved;
    try {
      reserved =
          reservations.reserveAtomically(orderId, deal, userId, quantity, deal.activeAt(now));
    } catch (ReservationRepository.Refused e) {
      throw switch (e.refusal) {
        case NOT_ACTIVE -> deal.terms().notActive(now);
        case LIMIT_EXCEEDED -> deal.terms().limitExceeded();
        case SOLD_OUT -> DealTerms.soldOut(deal.id());
      };
    }
    if (!reserved.created()) {
      return repeat(reserved.reservation(), deal.id(), userId, quantity, orderId);
    }
    return new Outcome(reserved.reservation(), true);
  }

  /** A reservation found for this order id: the same request again, or a conflict. */
  private static Outcome repeat(
      Reservation existing, long dealId, UUID userId, int quantity, UUID orderId) {
    boolean same =
        existing.getDealId() == dealId
            && existing.getUserId().equals(userId)
            && existing.getQuantity() == quantity;
    if (!same) {
      throw conflict(orderId);
    }
    return new Outcome(existing, false);
  }

  private Outcome reserveInTransaction(DealRecord deal, UUID orderId, UUID userId, int quantity) {
    long dealId = deal.id();
    var inserted = reservations.insert(orderId, deal, userId, quantity);
    if (inserted.isEmpty()) {
      return repeat(reservations.find(orderId).orElseThrow(), dealId, userId, quantity, orderId);
    }
    Instant now = clock.instant();
    if (!deal.activeAt(now)) {
      throw deal.terms().notActive(now);
    }
    if (!reservations.addUserPurchase(dealId, userId, quantity, deal.perUserLimit())) {
      throw deal.terms().limitExceeded();
    }
    if (!stock.take(dealId, quantity)) {
      throw DealTerms.soldOut(dealId);
    }
    return new Outcome(inserted.get(), true);
  }

  private static ApiException conflict(UUID orderId) {
    return ApiException.conflict(
        ErrorCode.RESERVATION_CONFLICT,
        "Order " + orderId + " was reserved with a different request.");
  }

  /** The reservation held for this order id. */
  public Reservation find(UUID orderId) {
    return reservations
        .find(orderId)
        .orElseThrow(() -> ApiException.notFound("No reservation for order " + orderId + "."));
  }

  /**
   * Gives the units back once; releasing again returns the already released reservation unchanged.
   * The database first (the units are back for good), then the gate.
   */
  public Reservation release(UUID orderId) {
    var released =
        tx.execute(
            t -> {
              var r = reservations.markReleased(orderId);
              r.ifPresent(reservations::giveBack);
              return r;
            });
    released.ifPresent(r -> gate.giveBack(r.dealId(), orderId));
    return reservations
        .find(orderId)
        .orElseThrow(() -> ApiException.notFound("No reservation for order " + orderId + "."));
  }
}
