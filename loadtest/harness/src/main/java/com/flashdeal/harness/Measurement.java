package com.flashdeal.harness;

import com.flashdeal.harness.load.LoadResult;
import com.flashdeal.harness.metrics.MachineLoad;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.metrics.Procfs;
import com.flashdeal.harness.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A load run with the server-side, process and machine counters captured around it: what the sales
 * and knee-search steps measure (the cost scenario and the warm-ups cut one run into windows with
 * {@link SteadyRun} instead).
 */
public final class Measurement {
  private final MetricsSource metrics;

  public Measurement(MetricsSource metrics) {
    this.metrics = metrics;
  }

  /**
   * @param processes per process: CPU, RSS and server latency over the window
   * @param machine the machine's load over the window (who else used the cores)
   */
  public record Window(
      LoadResult load, Map<String, MetricsSource.ServiceFigures> processes, MachineLoad machine) {}

  /** Captures from now until the run returns. */
  public Window measure(Platform.Deployment d, Supplier<LoadResult> run) {
    long self = ProcessHandle.current().pid();
    double selfBefore = Procfs.cpuSeconds(self);
    MachineLoad.Mark mark = MachineLoad.mark();
    MetricsSource.Snapshot before = metrics.capture(d);
    LoadResult load = run.get();
    MetricsSource.Snapshot after = metrics.capture(d);
    MachineLoad.Mark end = MachineLoad.mark();
    Map<String, MetricsSource.ServiceFigures> processes = metrics.between(before, after);
    List<Double> ours = new ArrayList<>();
    processes.values().forEach(f -> ours.add(f.cpuSeconds()));
    ours.add(load.generatorCpuSeconds());
    ours.add(Procfs.cpuSeconds(self) - selfBefore);
    return new Window(load, processes, mark.until(end, MachineLoad.sum(ours)));
  }
}
