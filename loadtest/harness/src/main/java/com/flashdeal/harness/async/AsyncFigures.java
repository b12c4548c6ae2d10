package com.flashdeal.harness.async;

import java.util.List;
import java.util.Map;

/**
 * The asynchronous path during one sale.
 *
 * @param acceptedMs the buyers' wait for the 202 (first attempt to answer): the spectrum's labels
 * @param decidedMs the buyers' wait to see the decision by polling (backoff from 100 ms to 1 s, so
 *     an upper bound of the real decision time)
 * @param serverDecisionMs the decision time as order-service recorded it (updated_at - created_at
 *     of each decided order): the confirmation latency without the polling's granularity
 * @param drainSeconds from the last acceptance to the last decision
 * @param maxBacklog the most rows waiting in each outbox ({@code order-outbox}, {@code
 *     decision-outbox}) and messages waiting in each queue, over the samples
 * @param maxLagMs the age of the oldest unpublished row of each outbox, at its worst
 * @param deadLetters messages in the dead-letter queue after the sale (0 expected)
 * @param timeline one sample every 250 ms
 */
public record AsyncFigures(
    Map<String, Double> acceptedMs,
    Map<String, Double> decidedMs,
    Map<String, Double> serverDecisionMs,
    double drainSeconds,
    Map<String, Long> maxBacklog,
    Map<String, Long> maxLagMs,
    long deadLetters,
    List<Sample> timeline) {

  /**
   * @param second since the sale's start
   * @param backlog rows or messages waiting, by outbox or queue
   * @param lagMs the oldest unpublished row's age, by outbox
   */
  public record Sample(double second, Map<String, Long> backlog, Map<String, Long> lagMs) {}
}
