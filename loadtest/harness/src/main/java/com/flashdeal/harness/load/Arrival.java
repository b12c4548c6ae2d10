package com.flashdeal.harness.load;

import java.util.ArrayList;
import java.util.List;

/**
 * One arrival as the client saw it: a line {@code A|index|startMs|endMs|status|code|orderId|dealId|
 * quantity|orderMs} that the scenario logs (flashdeal.js {@code ledger}).
 *
 * @param index arrival order (k6's iteration number: the order in which arrivals started)
 * @param startMs when the arrival started (epoch ms)
 * @param endMs when the order answer came back (epoch ms)
 * @param status HTTP status of the order answer (0 = no answer: timeout or connection error)
 * @param code the problem's code ({@code SOLD_OUT}, ...) or empty
 * @param orderId the created order's id (201 only), else empty
 * @param dealId the deal the order is for (from the 201's body, else the one asked for)
 * @param quantity units of the created order (201 only), else 0
 * @param orderMs the order request's duration
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
    double orderMs) {

  static final String PREFIX = "A|";

  public boolean created() {
    return status == 201;
  }

  public boolean soldOut() {
    return status == 409 && "SOLD_OUT".equals(code);
  }

  public boolean error() {
    return !created() && !soldOut();
  }

  /** "201", "409 SOLD_OUT", "503 UPSTREAM_UNAVAILABLE", "0" (no answer). */
  public String outcome() {
    return code.isEmpty() ? Integer.toString(status) : status + " " + code;
  }

  /** Every arrival line of a k6 log; anything else in the log is ignored. */
  public static List<Arrival> parseLog(String log) {
    List<Arrival> arrivals = new ArrayList<>();
    for (String line : log.split("\n")) {
      int at = line.indexOf(PREFIX);
      if (at < 0) {
        continue;
      }
      String[] f = line.substring(at + PREFIX.length()).strip().split("\\|", -1);
      if (f.length != 9) {
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
                Double.parseDouble(f[8])));
      } catch (NumberFormatException e) {
        // a line that only looks like ours (k6 wraps nothing, but a service name could contain A|)
      }
    }
    return arrivals;
  }
}
