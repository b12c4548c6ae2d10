package com.flashdeal.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;

/**
 * A buyer's order as the contract tells a client to place it: one POST with an Idempotency-Key;
 * asked again with the same key while told to come back (503 + Retry-After, 429) or cut off, for at
 * most {@code retrySeconds}; and, for a 202 (Phase 5), the order's Location polled with backoff
 * (100 ms doubling to 1 s) until it leaves PENDING, for at most {@code pollSeconds}.
 *
 * <p>Session in: {@code auth}, {@code key}, {@code dealId}, {@code measured}. Out: {@code st} (0 =
 * no answer), {@code body}, {@code attempts}, {@code orderMs} (first attempt to final answer),
 * {@code polled}, {@code decision}, {@code decidedMs}.
 */
final class Buyer {
  private final Recorder rec;
  private final Duration timeout;
  private final long retryMs;
  private final long pollMs;

  Buyer(Recorder rec, Duration timeout, int retrySeconds, int pollSeconds) {
    this.rec = rec;
    this.timeout = timeout;
    this.retryMs = retrySeconds * 1000L;
    this.pollMs = pollSeconds * 1000L;
  }

  private HttpRequestActionBuilder orderRequest() {
    return http("order")
        .post("/orders")
        .header("Authorization", "#{auth}")
        .header("Idempotency-Key", "#{key}")
        .header("Content-Type", "application/json")
        .body(StringBody(s -> "{\"dealId\":" + s.getLong("dealId") + ",\"quantity\":1}"))
        .requestTimeout(timeout)
        .check(
            status().saveAs("st"),
            responseTimeInMillis().saveAs("rt"),
            header("Retry-After").optional().saveAs("ra"),
            header("Idempotent-Replayed").optional().saveAs("rp"),
            header("Location").optional().saveAs("loc"),
            bodyString().optional().saveAs("body"));
  }

  /** One attempt, no retry (the knee search's arrivals). */
  ChainBuilder orderOnce() {
    return exec(s -> s.set("t0", System.nanoTime()))
        .exec(orderRequest())
        .exec(
            s -> {
              rec.request(s.getBoolean("measured"));
              return answered(s).set("attempts", 1).set("orderMs", elapsedMs(s));
            });
  }

  ChainBuilder orderPatiently() {
    return exec(s -> s.set("attempts", 0).set("t0", System.nanoTime()))
        .doWhile(s -> s.getBoolean("again"))
        .on(
            exec(s -> s.removeAll("st", "ra", "rp", "loc", "body"))
                .exec(orderRequest())
                .exec(
                    s -> {
                      rec.request(s.getBoolean("measured"));
                      Session a = answered(s);
                      int st = a.getInt("st");
                      long wait = Answers.retryAfterMs(a.getString("ra"));
                      boolean again =
                          retryMs > 0 && Answers.retryable(st) && elapsedMs(a) + wait <= retryMs;
                      return a.set("attempts", a.getInt("attempts") + 1)
                          .set("again", again)
                          .set("wait", wait);
                    })
                .doIf(s -> s.getBoolean("again"))
                .then(pause(s -> Duration.ofMillis(s.getLong("wait")))))
        .exec(s -> s.set("orderMs", elapsedMs(s)));
  }

  /** After {@link #orderPatiently}: a fresh 202 is polled to its decision. */
  ChainBuilder awaitDecision() {
    return exec(s -> s.set("polled", false).set("decidedMs", s.getDouble("orderMs")))
        .doIf(
            s -> s.getInt("st") == 202 && !(s.getBoolean("replayed") && s.getInt("attempts") == 1))
        .then(
            exec(s -> {
                  JsonNode order = body(s);
                  String loc = s.getString("loc");
                  return s.set("polled", true)
                      .set("decision", order)
                      .set("pause", 100L)
                      .set("location", loc != null ? loc : "/orders/" + order.path("id").asText());
                })
                .asLongAs(
                    s ->
                        s.<JsonNode>get("decision").path("status").asText().equals("PENDING")
                            && elapsedMs(s) < pollMs)
                .on(
                    pause(s -> Duration.ofMillis(s.getLong("pause")))
                        .exec(
                            s ->
                                s.set("pause", Math.min(s.getLong("pause") * 2, 1000))
                                    .removeAll("pst", "pbody"))
                        .exec(
                            http("poll")
                                .get("#{location}")
                                .header("Authorization", "#{auth}")
                                .requestTimeout(timeout)
                                .check(
                                    status().saveAs("pst"),
                                    bodyString().optional().saveAs("pbody")))
                        .exec(
                            s -> {
                              rec.request(s.getBoolean("measured"));
                              if (s.contains("pst") && s.getInt("pst") == 200) {
                                JsonNode o = Answers.json(s.getString("pbody"));
                                if (o.has("status")) {
                                  return s.set("decision", o);
                                }
                              }
                              return s;
                            }))
                .exec(s -> s.set("decidedMs", elapsedMs(s))));
  }

  /**
   * The answer's status (0 when none came), replay flag and body (parsed once: the outcome and the
   * ledger both read it), normalised in the session.
   */
  private static Session answered(Session s) {
    int st = s.contains("st") ? s.getInt("st") : 0;
    return s.set("st", st)
        .set("replayed", "true".equals(s.getString("rp")))
        .set("json", Answers.json(s.getString("body")));
  }

  private static JsonNode body(Session s) {
    return s.contains("json") ? s.<JsonNode>get("json") : Answers.json(s.getString("body"));
  }

  static double elapsedMs(Session s) {
    return (System.nanoTime() - s.getLong("t0")) / 1e6;
  }

  /** The classified outcome of the order in the session. */
  static Answers.Outcome outcome(Session s) {
    JsonNode body = body(s);
    boolean polled = s.contains("polled") && s.getBoolean("polled");
    return Answers.classify(
        s.getInt("st"),
        s.getBoolean("replayed"),
        s.getInt("attempts"),
        body.path("code").asText(""),
        polled ? s.<JsonNode>get("decision") : null,
        polled);
  }

  /** The session's arrival ({@code index}, {@code start}, {@code dealId}) as its ledger line. */
  static String ledger(Session s) {
    boolean polled = s.contains("polled") && s.getBoolean("polled");
    return Answers.ledgerLine(
        s.getLong("index"),
        s.getLong("start"),
        System.currentTimeMillis(),
        s.getInt("st"),
        body(s),
        s.getLong("dealId"),
        s.getDouble("orderMs"),
        polled ? s.<JsonNode>get("decision") : null,
        polled,
        polled ? s.getDouble("decidedMs") : s.getDouble("orderMs"));
  }
}
