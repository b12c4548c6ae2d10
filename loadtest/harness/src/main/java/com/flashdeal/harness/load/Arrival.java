package com.flashdeal.harness.load;

import java.util.ArrayList;
import java.util.List;

/**
 * One arrival as the client saw it: a line {@code A|index|startMs|endMs|status|code|orderId|dealId|
 * quantity|orderMs|decidedMs} that the scenario logs (flashdeal.js {@code ledger}). A Phase 5 order
 * answered 202 and polled to its decision carries the decision in {@code code}: empty for
 * CONFIRMED, the rejection code for REJECTED, {@code PENDING} when the buyer gave up polling.
 *
 * @param index arrival order (the order in which arrivals started)
 * @param startMs when the arrival started (epoch ms)
 * @param endMs when the order answer came back (epoch ms), or its decision was seen (202)
 * @param status HTTP status of the order answer (0 = no answer: timeout or connection error)
 * @param code the problem's code ({@code SOLD_OUT}, ...) or empty; for a 202, the decision
 * @param orderId the created (or accepted) order's id, else empty
 * @param dealId the deal the order is for (from the 201's body, else the one asked for)
 * @param quantity units of the created order (201 only), else 0
 * @param orderMs the order request's duration (to the 201, 409 or 202, retries included)
 * @param decidedMs first attempt to the decision the buyer saw (= orderMs but for a 202)
 */
public record Arrival(
    long index,
    long startMs,
    long endMs,
    int status,
    String code,
    String orderId,
    long dealId,
    int quantity,
    double orderMs,
    double decidedMs) {

  static final String PREFIX = "A|";

  /** A synchronous answer: decided when answered. */
  public Arrival(
      long index,
      long startMs,
      long endMs,
      int status,
      String code,
      String orderId,
      long dealId,
      int quantity,
      double orderMs) {
    this(index, startMs, endMs, status, code, orderId, dealId, quantity, orderMs, orderMs);
  }

  /** Ordered: 201, or 202 then CONFIRMED. */
  public boolean created() {
    return status == 201 || (status == 202 && code.isEmpty());
  }

  public boolean soldOut() {
    return (status == 409 || status == 202) && "SOLD_OUT".equals(code);
  }

  /** Answered 202 (Phase 5). */
  public boolean accepted() {
    return status == 202;
  }

  /** Refused at the gateway by the rate limit (Phase 5): counted apart, not an error. */
  public boolean rateLimited() {
    return status == 429;
  }

  public boolean error() {
    return !created() && !soldOut() && !rateLimited();
  }

  /** "201", "409 SOLD_OUT", "503 UPSTREAM_UNAVAILABLE", "0" (no answer). */
  public String outcome() {
    return code.isEmpty() ? Integer.toString(status) : status + " " + code;
  }

  /** Every arrival line of a ledger or pod log; anything else in the log is ignored. */
  public static List<Arrival> parseLog(String log) {
    List<Arrival> arrivals = new ArrayList<>();
    for (String line : log.split("\n")) {
      int at = line.indexOf(PREFIX);
      if (at < 0) {
        continue;
      }
      String[] f = line.substring(at + PREFIX.length()).strip().split("\\|", -1);
      if (f.length != 9 && f.length != 10) {
        continue;
      }
      try {
        arrivals.add(
            new Arrival(
                Long.parseLong(f[0]),
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Integer.parseInt(f[3]),
                f[4],
                f[5],
                f[6].isEmpty() ? 0 : Long.parseLong(f[6]),
                f[7].isEmpty() ? 0 : Integer.parseInt(f[7]),
                Double.parseDouble(f[8]),
                Double.parseDouble(f[f.length == 10 ? 9 : 8])));
      } catch (NumberFormatException e) {
        // a line that only looks like ours (a log line could contain A|)
      }
    }
    return arrivals;
  }
}
