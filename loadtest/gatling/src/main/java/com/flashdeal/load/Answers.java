package com.flashdeal.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How an order answer is read and classified — the rules the harness's oracle and figures rely on,
 * kept free of Gatling so they are tested on their own.
 */
public final class Answers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Answers() {}

  /** created | sold_out | replayed | rate_limited | error. */
  public enum Outcome {
    CREATED,
    SOLD_OUT,
    REPLAYED,
    RATE_LIMITED,
    ERROR
  }

  /** A body as JSON, or an empty object when it is missing or unreadable. */
  public static JsonNode json(String body) {
    if (body == null || body.isEmpty()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(body);
      return n == null ? JSON.createObjectNode() : n;
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  /**
   * A buyer told to come back (503/504, 429 with Retry-After) or cut off (no answer, 502) asks
   * again with the same Idempotency-Key: the contract's way to learn the outcome of a request whose
   * answer was lost.
   */
  public static boolean retryable(int status) {
    return status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** Retry-After in ms, clamped to 0.2–5 s; 1 s when absent or unreadable. */
  public static long retryAfterMs(String header) {
    double seconds = 1;
    if (header != null) {
      try {
        seconds = Double.parseDouble(header.strip());
      } catch (NumberFormatException e) {
        seconds = 1;
      }
    }
    return Math.round(Math.min(Math.max(seconds, 0.2), 5) * 1000);
  }

  /**
   * A replay of a first attempt means the scenario sent one arrival twice (a broken run); after a
   * retry it is how the buyer learns the order was made. A 202 polled to its decision is created
   * when CONFIRMED, sold out when REJECTED SOLD_OUT, else an error; unpolled, it counts as created.
   *
   * @param decided the order polled to its final state (null: not polled, or nothing readable)
   * @param polled whether the buyer polled
   */
  public static Outcome classify(
      int status, boolean replayed, int attempts, String code, JsonNode decided, boolean polled) {
    if (status == 201 || status == 202) {
      if (replayed && attempts == 1) {
        return Outcome.REPLAYED;
      }
      if (status == 202 && polled) {
        String s = decided == null ? "" : decided.path("status").asText();
        if (s.equals("CONFIRMED")) {
          return Outcome.CREATED;
        }
        if (s.equals("REJECTED") && "SOLD_OUT".equals(decided.path("rejectionCode").asText())) {
          return Outcome.SOLD_OUT;
        }
        return Outcome.ERROR;
      }
      return Outcome.CREATED;
    }
    if (status == 409 && "SOLD_OUT".equals(code)) {
      return Outcome.SOLD_OUT;
    }
    if (status == 429) {
      return Outcome.RATE_LIMITED;
    }
    return Outcome.ERROR;
  }

  /**
   * The ledger's line of one arrival, {@code A|index|startMs|endMs|status|code|orderId|dealId|
   * quantity|orderMs|decidedMs}. For a 202 polled to its decision, code is the decision: empty for
   * CONFIRMED, the rejection code for REJECTED, PENDING when the buyer gave up polling.
   */
  public static String ledgerLine(
      long index,
      long startMs,
      long endMs,
      int status,
      JsonNode body,
      long dealId,
      double orderMs,
      JsonNode decided,
      boolean polled,
      double decidedMs) {
    String id = "";
    String quantity = "";
    String responseDeal = "";
    if (status == 201 || status == 202) {
      id = body.path("id").asText("");
      quantity = body.has("quantity") ? body.path("quantity").asText() : "";
      responseDeal = body.has("dealId") ? body.path("dealId").asText() : "";
    }
    String code = status == 201 ? "" : body.path("code").asText("");
    if (status == 202) {
      if (!polled) {
        code = "";
      } else if (decided == null || decided.path("status").asText().equals("PENDING")) {
        code = "PENDING";
      } else {
        code =
            decided.path("status").asText().equals("CONFIRMED")
                ? ""
                : decided.path("rejectionCode").asText(decided.path("status").asText());
      }
    }
    return String.format(
        java.util.Locale.ROOT,
        "A|%d|%d|%d|%d|%s|%s|%s|%s|%.3f|%.3f",
        index,
        startMs,
        endMs,
        status,
        code,
        id,
        responseDeal.isEmpty() ? Long.toString(dealId) : responseDeal,
        quantity,
        orderMs,
        decidedMs);
  }
}
