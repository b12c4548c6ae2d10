package com.flashdeal.harness.oracle;

import com.flashdeal.harness.Waiting;
import com.flashdeal.harness.load.Arrival;
import com.flashdeal.harness.platform.Jdbc;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.sql.OracleSql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After every sale, from what the client saw and the services' own data (read-only, each database
 * as its own role): every unit sold exactly once. {@link #judge} is the decision, a pure function
 * of both sides; {@link #check} reads the databases, waiting up to a settle period for in-flight
 * compensations to land before it judges.
 */
public final class Oracle {

  /**
   * What the client saw of one sale: the deal it bought from and every arrival's answer.
   *
   * @param faulted a fault was injected: SOLD_OUT answered while units held by the crash's orphaned
   *     reservations were still to come back is then a note, not a violation (the fault invariants
   *     are no oversell, no lost or phantom order and no unit held without an order after settle)
   */
  public record Observed(
      long dealId, int stock, int perUserLimit, List<Arrival> arrivals, boolean faulted) {
    public Observed(long dealId, int stock, int perUserLimit, List<Arrival> arrivals) {
      this(dealId, stock, perUserLimit, arrivals, false);
    }
  }

  /** An order as order-service stores it. */
  public record StoredOrder(String id, String userId, long dealId, int quantity, String status) {}

  /**
   * The services' side.
   *
   * @param quantity / remaining the deal row of product-service
   * @param held units held by RESERVED reservations, by order id (product-service)
   * @param productMaxPerUser the most units one user holds (product-service's per-user counter)
   * @param orders order-service's orders for the deal
   */
  public record Ledger(
      int quantity,
      int remaining,
      Map<String, Integer> held,
      int productMaxPerUser,
      List<StoredOrder> orders) {}

  /**
   * @param notes what a faulted run saw that is not a violation of the fault invariants
   */
  public record Verdict(
      boolean passed, List<String> violations, Map<String, Long> figures, List<String> notes) {
    /**
     * Whether every violation is of a kind that time can heal: units held without an order (and the
     * ledger differences they cause) until product-service's reaper settles them. An oversell, a
     * lost or unknown order, a duplicate or a passed limit stays what it is.
     */
    public boolean mayStillSettle() {
      return !passed && violations.stream().allMatch(Verdict::healable);
    }

    private static boolean healable(String violation) {
      return violation.startsWith("product-service's ledger is inconsistent")
          || violation.startsWith("services disagree")
          || violation.endsWith(STILL_PENDING)
          || (violation.startsWith("undersold: ") && violation.endsWith(HELD_WITHOUT_ORDER));
    }
  }

  private static final String HELD_WITHOUT_ORDER =
      " units are held by reservations without an order";
  private static final String STILL_PENDING = " accepted orders are still PENDING";

  /**
   * Judges after the settle period: at once when the run passes or fails for good, otherwise again
   * every 500 ms while reservations without an order may still be given back (the reaper's bound is
   * hold + interval, 6 s by default) or accepted orders are still to be decided (Phase 5).
   */
  public Verdict check(Platform.Deployment d, Observed observed, Duration settle) {
    long deadline = System.nanoTime() + settle.toNanos();
    while (true) {
      Verdict v = judge(observed, read(d, observed.dealId()));
      if (!v.mayStillSettle() || System.nanoTime() > deadline) {
        return v;
      }
      Waiting.sleep(Duration.ofMillis(500));
    }
  }

  static Ledger read(Platform.Deployment d, long dealId) {
    var product = Jdbc.client(d.databases().get("product"));
    var order = Jdbc.client(d.databases().get("order"));
    Map<String, Object> deal =
        product.sql(OracleSql.DEAL_LEDGER).param("dealId", dealId).query().singleRow();
    Map<String, Integer> held = new LinkedHashMap<>();
    product
        .sql(OracleSql.HELD_RESERVATIONS)
        .param("dealId", dealId)
        .query(
            (rs, n) ->
                held.merge(
                    rs.getObject("order_id").toString(), rs.getInt("quantity"), Integer::sum))
        .list();
    List<StoredOrder> orders =
        order
            .sql(OracleSql.STORED_ORDERS)
            .param("dealId", dealId)
            .query(
                (rs, n) ->
                    new StoredOrder(
                        rs.getObject("id").toString(),
                        rs.getObject("user_id").toString(),
                        rs.getLong("deal_id"),
                        rs.getInt("quantity"),
                        rs.getString("status")))
            .list();
    return new Ledger(
        ((Number) deal.get("quantity")).intValue(),
        ((Number) deal.get("remaining")).intValue(),
        held,
        ((Number) deal.get("max_per_user")).intValue(),
        orders);
  }

  /** Every invariant of a sale; any violation fails the run. */
  public static Verdict judge(Observed o, Ledger l) {
    List<String> violations = new ArrayList<>();
    List<StoredOrder> confirmed =
        l.orders().stream().filter(s -> s.status().equals("CONFIRMED")).toList();
    long confirmedUnits = confirmed.stream().mapToLong(StoredOrder::quantity).sum();
    long heldUnits = l.held().values().stream().mapToLong(Integer::intValue).sum();
    long taken = (long) l.quantity() - l.remaining();

    if (confirmedUnits > o.stock()) {
      violations.add(
          "oversold: %d units confirmed for a stock of %d".formatted(confirmedUnits, o.stock()));
    }
    if (heldUnits != taken) {
      violations.add(
          "product-service's ledger is inconsistent: reservations hold %d units but the deal has %d taken (quantity %d - remaining %d): lost updates"
              .formatted(heldUnits, taken, l.quantity(), l.remaining()));
    }
    if (confirmedUnits != heldUnits) {
      violations.add(
          "services disagree: order-service confirmed %d units, product-service holds %d reserved"
              .formatted(confirmedUnits, heldUnits));
    }

    Map<String, Long> perUser = new HashMap<>();
    confirmed.forEach(s -> perUser.merge(s.userId(), (long) s.quantity(), Long::sum));
    long orderMax = perUser.values().stream().mapToLong(Long::longValue).max().orElse(0);
    if (orderMax > o.perUserLimit() || l.productMaxPerUser() > o.perUserLimit()) {
      violations.add(
          "a user holds %d units (order-service) / %d (product-service); the limit is %d"
              .formatted(orderMax, l.productMaxPerUser(), o.perUserLimit()));
    }

    // By id, not by count: every 201 the client saw exists with the same deal and quantity, no
    // order exists that the client was not told about, and none was answered twice.
    Map<String, StoredOrder> stored = new HashMap<>();
    l.orders().forEach(s -> stored.put(s.id(), s));
    Set<String> seen = new HashSet<>();
    List<String> lost = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    List<String> duplicates = new ArrayList<>();
    long createdWithoutId = 0;
    for (Arrival a : o.arrivals()) {
      if (!a.created()) {
        continue;
      }
      if (a.orderId().isEmpty()) {
        createdWithoutId++;
        continue;
      }
      if (!seen.add(a.orderId())) {
        duplicates.add(a.orderId());
      }
      StoredOrder s = stored.get(a.orderId());
      if (s == null || !s.status().equals("CONFIRMED")) {
        lost.add(a.orderId() + (s == null ? "" : " (" + s.status() + ")"));
      } else if (s.dealId() != a.dealId() || s.quantity() != a.quantity()) {
        mismatched.add(
            "%s: client saw deal %d x%d, stored deal %d x%d"
                .formatted(a.orderId(), a.dealId(), a.quantity(), s.dealId(), s.quantity()));
      }
    }
    if (createdWithoutId > 0) {
      violations.add(createdWithoutId + " answers 201 carried no order id");
    }
    if (!lost.isEmpty()) {
      violations.add(
          lost.size() + " orders the client saw created are not confirmed: " + sample(lost));
    }
    if (!mismatched.isEmpty()) {
      violations.add(
          mismatched.size() + " orders differ from what the client saw: " + sample(mismatched));
    }
    if (!duplicates.isEmpty()) {
      violations.add(
          duplicates.size() + " orders were answered as created twice: " + sample(duplicates));
    }
    List<String> unknown =
        confirmed.stream().map(StoredOrder::id).filter(id -> !seen.contains(id)).toList();
    if (!unknown.isEmpty()) {
      violations.add(
          unknown.size()
              + " confirmed orders were never answered 201 to the client: "
              + sample(unknown));
    }

    // Phase 5: every accepted order is decided (the queue lost nothing, nothing is stuck).
    long pending = l.orders().stream().filter(o2 -> o2.status().equals("PENDING")).count();
    if (pending > 0) {
      violations.add(pending + STILL_PENDING);
    }

    // No undersell: units held without an order, or a SOLD_OUT while units were free.
    Set<String> confirmedIds = new HashSet<>();
    confirmed.forEach(s -> confirmedIds.add(s.id()));
    long heldWithoutOrder =
        l.held().entrySet().stream()
            .filter(e -> !confirmedIds.contains(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    if (heldWithoutOrder > 0) {
      violations.add("undersold: " + heldWithoutOrder + HELD_WITHOUT_ORDER);
    }
    long soldOut = o.arrivals().stream().filter(Arrival::soldOut).count();
    List<String> notes = new ArrayList<>();
    if (soldOut > 0 && l.remaining() > 0) {
      String undersold =
          "undersold: %d arrivals were told SOLD_OUT but %d units are still free"
              .formatted(soldOut, l.remaining());
      (o.faulted() ? notes : violations).add(undersold);
    }
    // A buyer left with an error (after every retry) while units were free is undersell too: the
    // sale failed its buyers even if no unit was lost. Free: the deal still has units at the end,
    // or the buyer arrived before the last unit was sold.
    long lastSale =
        o.arrivals().stream().filter(Arrival::created).mapToLong(Arrival::endMs).max().orElse(0);
    List<Arrival> failedWhileFree =
        o.arrivals().stream()
            .filter(Arrival::error)
            .filter(a -> l.remaining() > 0 || a.startMs() < lastSale)
            .toList();
    if (failedWhileFree.size() > errorTolerance(o.arrivals().size())) {
      Map<String, Long> byOutcome = new java.util.TreeMap<>();
      failedWhileFree.forEach(a -> byOutcome.merge(a.outcome(), 1L, Long::sum));
      String failedBuyers =
          "undersold: %d buyers were left with an error while units were free (%s; tolerance %d)"
              .formatted(failedWhileFree.size(), byOutcome, errorTolerance(o.arrivals().size()));
      // Under a fault they are what the fault cost, reported with it.
      (o.faulted() ? notes : violations).add(failedBuyers);
    }

    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("stock", (long) o.stock());
    figures.put("confirmedOrders", (long) confirmed.size());
    figures.put("confirmedUnits", confirmedUnits);
    figures.put("reservedUnits", heldUnits);
    figures.put("remaining", (long) l.remaining());
    figures.put("clientCreated", o.arrivals().stream().filter(Arrival::created).count());
    figures.put("clientSoldOut", soldOut);
    figures.put("heldWithoutOrder", heldWithoutOrder);
    figures.put("pendingOrders", pending);
    figures.put("failedWhileFree", (long) failedWhileFree.size());
    return new Verdict(violations.isEmpty(), violations, figures, notes);
  }

  /**
   * How many buyers may end with an error while units were free before the sale fails: 1 % of the
   * arrivals, at least 1 — a stray timeout on a shared machine is noise; a stock path that answers
   * 503 is not.
   */
  static int errorTolerance(int arrivals) {
    return Math.max(1, arrivals / 100);
  }

  private static String sample(List<String> items) {
    return String.join(", ", items.subList(0, Math.min(3, items.size())))
        + (items.size() > 3 ? ", ..." : "");
  }
}
