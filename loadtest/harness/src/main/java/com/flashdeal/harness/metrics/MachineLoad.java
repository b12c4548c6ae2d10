package com.flashdeal.harness.metrics;

import java.util.Collection;

/**
 * The machine's outside load during a window: what else ran on the cores while we measured. The CPU
 * of the processes we know (services, PostgreSQL, Redis, the load generator, the harness) is
 * subtracted from the machine's busy time; the rest is someone else's. A run is disturbed when
 * others used more than {@link #DISTURBED_CORE_FRACTION} of one core on average, or the hypervisor
 * stole more than that — its figures are still kept, but flagged.
 *
 * @param loadAverage the 1-minute load average at the end of the window
 * @param stealPercent CPU time stolen by the hypervisor, % of all cores' time in the window
 * @param othersCores average cores used by processes that are not part of the run
 * @param seconds the window's length
 */
public record MachineLoad(
    double loadAverage, double stealPercent, double othersCores, double seconds) {

  public static final double DISTURBED_CORE_FRACTION = 0.10;

  public boolean disturbed() {
    return othersCores > DISTURBED_CORE_FRACTION
        || stealPercent > DISTURBED_CORE_FRACTION * 100 / cores();
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Start of a window: the machine's counters now. */
  public static Mark mark() {
    double[] cpu = Procfs.machineCpu();
    return new Mark(System.nanoTime(), cpu[0], cpu[1], cpu[2]);
  }

  public record Mark(long nanos, double busy, double steal, double total) {
    /**
     * @param ourCpuSeconds CPU our processes used in the window (each counted once)
     */
    public MachineLoad until(Mark end, double ourCpuSeconds) {
      double seconds = (end.nanos - nanos) / 1e9;
      if (busy < 0 || end.busy < 0 || seconds <= 0) {
        return new MachineLoad(Procfs.loadAverage(), -1, -1, seconds);
      }
      double totalDelta = Math.max(1e-9, end.total - total);
      double others = Math.max(0, (end.busy - busy) - ourCpuSeconds) / seconds;
      return new MachineLoad(
          Procfs.loadAverage(), 100 * (end.steal - steal) / totalDelta, others, seconds);
    }
  }

  /** Sum of the known CPU figures, ignoring unknown (-1) ones. */
  public static double sum(Collection<Double> cpuSeconds) {
    return cpuSeconds.stream().filter(c -> c > 0).mapToDouble(Double::doubleValue).sum();
  }
}
