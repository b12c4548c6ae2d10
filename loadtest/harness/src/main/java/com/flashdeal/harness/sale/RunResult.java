package com.flashdeal.harness.sale;

import com.flashdeal.harness.load.SaleFigures;
import com.flashdeal.harness.metrics.MachineLoad;
import com.flashdeal.harness.metrics.MetricsSource;
import java.util.List;
import java.util.Map;

/**
 * One sale: one variant, one round, cold or warm.
 *
 * @param status PASSED; FAILED when the oracle found a violated invariant (whatever else happened);
 *     INVALID when the measurement itself failed (the generator started arrivals late, ran out of
 *     users, replayed an order)
 * @param measurementValid the load generator did its job; false excludes the run from every
 *     statistic, also when the oracle failed it
 * @param processes per process (services, postgresql, redis): server p99, CPU in the window, RSS
 * @param generatorCpuSeconds the load generator's own CPU over the sale (it shares the cores)
 * @param droppedArrivals arrivals the generator started more than 1 s late (a saturated generator)
 * @param startupSeconds how long the deployment took to become ready (cold runs)
 * @param fault the fault injected during this sale and what it did, or null
 * @param async the asynchronous path's figures (Phase 5 variants), or null
 */
public record RunResult(
    String variant,
    int round,
    String phase,
    String status,
    boolean measurementValid,
    List<String> violations,
    SaleFigures sale,
    Map<String, Long> ledger,
    Map<String, MetricsSource.ServiceFigures> processes,
    double generatorCpuSeconds,
    double generatorPeakRssMib,
    long droppedArrivals,
    MachineLoad machine,
    double startupSeconds,
    com.flashdeal.harness.fault.FaultRecord.Outcome fault,
    com.flashdeal.harness.async.AsyncFigures async) {

  public static final String COLD = "cold";
  public static final String WARM = "warm";

  public boolean valid() {
    return measurementValid;
  }

  /** CPU seconds per 1,000 units sold, by process (the generator included), -1 where unknown. */
  public Map<String, Double> cpuPerThousandOrders() {
    return MetricsSource.cpuPerThousand(processes, generatorCpuSeconds, sale.created());
  }
}
