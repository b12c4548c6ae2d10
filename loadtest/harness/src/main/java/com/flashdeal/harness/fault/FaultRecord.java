package com.flashdeal.harness.fault;

import com.flashdeal.harness.load.Arrival;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fault as it happened in one sale.
 *
 * @param fault what was injected
 * @param atMs when (epoch ms, the arrivals' clock)
 * @param backMs when the target was running and ready again (epoch ms); 0 if it never came back
 * @param error why the injection or the recovery failed, else empty
 */
public record FaultRecord(String fault, long atMs, long backMs, String error) {

  /** From the fault to the target being ready again. */
  public double downSeconds() {
    return backMs == 0 ? Double.NaN : (backMs - atMs) / 1000.0;
  }

  /**
   * From the fault to the first order answered 201 that was started after it: when buyers could buy
   * again (NaN if none could, e.g. because the deal had sold out before).
   */
  public double recoverySeconds(List<Arrival> arrivals) {
    var firstEnd =
        arrivals.stream()
            .filter(a -> a.startMs() >= atMs && a.created())
            .mapToLong(Arrival::endMs)
            .min();
    return firstEnd.isPresent() ? (firstEnd.getAsLong() - atMs) / 1000.0 : Double.NaN;
  }

  /**
   * What the report shows of a fault.
   *
   * @param atSecond when it struck, in seconds from the sale's first arrival (the charts' axis)
   * @param downSeconds until the target was ready again
   * @param recoverySeconds until the first order started after the fault was answered 201
   * @param answersWhileDown answers to arrivals started while the target was down, by outcome
   * @param notes what the oracle saw that the fault invariants allow (e.g. SOLD_OUT answered while
   *     the crash's orphaned reservations still held units)
   */
  public record Outcome(
      String fault,
      double atSecond,
      double downSeconds,
      double recoverySeconds,
      Map<String, Long> answersWhileDown,
      String error,
      List<String> notes) {}

  public Outcome outcome(List<Arrival> arrivals, List<String> notes) {
    long first = arrivals.stream().mapToLong(Arrival::startMs).min().orElse(atMs);
    return new Outcome(
        fault,
        (atMs - first) / 1000.0,
        downSeconds(),
        recoverySeconds(arrivals),
        answersWhileDown(arrivals),
        error,
        notes);
  }

  /** The answers to arrivals started while the target was down, by outcome. */
  public Map<String, Long> answersWhileDown(List<Arrival> arrivals) {
    long until = backMs == 0 ? Long.MAX_VALUE : backMs;
    Map<String, Long> out = new TreeMap<>();
    arrivals.stream()
        .filter(a -> a.startMs() >= atMs && a.startMs() < until)
        .forEach(a -> out.merge(a.outcome(), 1L, Long::sum));
    return out;
  }
}
