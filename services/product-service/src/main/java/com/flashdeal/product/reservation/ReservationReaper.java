package com.flashdeal.product.reservation;

import com.flashdeal.contract.order.model.Settlement;
import com.flashdeal.product.ProductProperties;
import com.flashdeal.servicecore.security.AuthServiceTokens;
import com.flashdeal.servicecore.security.ServiceTokens;
import com.flashdeal.servicedefaults.lifecycle.PeriodicTask;
import com.flashdeal.servicedefaults.security.ServiceClientProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Gives back the units of reservations that never became orders — whatever went wrong: every
 * compensating call failed, or order-service died between reserve and insert. A reservation still
 * open after its hold is settled with order-service first (the owner of orders decides, for good):
 * ORDERED ones are confirmed and never released, ABANDONED ones (from then on no order can be
 * written for them) are released. No answer from order-service: nothing happens and the next pass
 * asks again — units are never given back on a guess. Design and proof: docs/no-leaked-stock.md.
 *
 * <p>Safe with several replicas: confirm and release are both conditional on RESERVED, so two
 * reapers settling the same reservation change it once.
 */
@Component
@ConditionalOnProperty(
    name = "flashdeal.product.reaper.enabled",
    havingValue = "true",
    matchIfMissing = true)
class ReservationReaper extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(ReservationReaper.class);

  private final ReservationRepository reservations;
  private final ReservationService service;
  private final OrderSettlements settlements;
  private final ProductProperties.Reaper config;
  private final Counter released;
  private final Counter confirmed;
  private final Counter unanswered;
  private final Counter failed;
  private final Set<UUID> unreleasable = ConcurrentHashMap.newKeySet();

  ReservationReaper(
      ReservationRepository reservations,
      ReservationService service,
      ProductProperties properties,
      ServiceClientProperties client,
      ServiceTokens tokens,
      ObjectMapper json,
      MeterRegistry meters) {
    super("reaper", properties.reaper().interval());
    this.config = properties.reaper();
    if (config.orderServiceUrl() == null) {
      throw new IllegalStateException(
          "flashdeal.product.reaper.order-service-url (FLASHDEAL_PRODUCT_ORDER_URL) is required:"
              + " the reaper asks order-service before it gives units back");
    }
    if (tokens instanceof AuthServiceTokens) {
      AuthServiceTokens.requireConfigured(client.client(), "order-service's settlements");
    }
    this.reservations = reservations;
    this.service = service;
    this.settlements = new OrderSettlements(config, tokens, json);
    this.released = meters.counter("flashdeal.reservations.reaped", "outcome", "released");
    this.confirmed = meters.counter("flashdeal.reservations.reaped", "outcome", "confirmed");
    this.unanswered = meters.counter("flashdeal.reservations.reaper.unanswered");
    this.failed = meters.counter("flashdeal.reservations.reaped", "outcome", "failed");
  }

  /** One pass: settle the expired reservations of one batch. Returns how many were settled. */
  int pass() {
    List<UUID> expired = reservations.findExpired(config.hold(), config.batch(), unreleasable);
    if (expired.isEmpty()) {
      return 0;
    }
    Map<UUID, Settlement.OutcomeEnum> outcomes;
    try {
      outcomes = settlements.settle(expired);
    } catch (OrderSettlements.Unanswered e) {
      unanswered.increment();
      log.warn(
          "{} reservation(s) past their hold stay held: {}; asking again in {}",
          expired.size(),
          e.getMessage(),
          config.interval());
      return 0;
    }
    List<UUID> ordered = new ArrayList<>();
    int gaveBack = 0;
    for (UUID id : expired) {
      Settlement.OutcomeEnum outcome = outcomes.get(id);
      if (outcome == Settlement.OutcomeEnum.ORDERED) {
        ordered.add(id);
      } else if (outcome == Settlement.OutcomeEnum.ABANDONED) {
        try {
          service.release(id);
          gaveBack++;
        } catch (DataIntegrityViolationException e) {
          // Not transient: the deal's counters disagree with this reservation (someone edited the
          // tables). Retrying cannot help, and it must not hold up the reservations behind it.
          unreleasable.add(id);
          failed.increment();
          log.error(
              "reservation {} cannot be given back ({}); skipped from now on, check its deal",
              id,
              e.getMostSpecificCause().getMessage());
        }
      }
    }
    if (!ordered.isEmpty()) {
      confirmed.increment(reservations.confirm(ordered));
    }
    released.increment(gaveBack);
    if (gaveBack > 0) {
      log.info("reaper: gave back {} reservation(s) that never became orders", gaveBack);
    }
    return ordered.size() + gaveBack;
  }

  @Override
  protected void runOnce() {
    // A full batch means more may be waiting: go on at once.
    while (pass() >= config.batch()) {
      // next batch
    }
  }
}
