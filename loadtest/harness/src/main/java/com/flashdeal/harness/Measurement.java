package com.flashdeal.harness;

import com.flashdeal.harness.load.LoadResult;
import com.flashdeal.harness.metrics.MachineLoad;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.metrics.Procfs;
import com.flashdeal.harness.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A load run with the server-side, process and machine counters captured around it: what every
 * scenario measures. With a first-arrival signal the "before" capture waits for the generator's
 * first request, so the system's CPU is not charged with the seconds the generator's JVM takes to
 * start.
 */
public final class Measurement {
  private final MetricsSource metrics;

  public Measurement(MetricsSource metrics) {
    this.metrics = metrics;
  }

  /**
   * @param processes per process: CPU, RSS and server latency over the window
   * @param machine the machine's load over the window (who else used the cores)
   * @param seconds the window's wall time
   */
  public record Window(
      LoadResult load,
      Map<String, MetricsSource.ServiceFigures> processes,
      MachineLoad machine,
      double seconds) {}

  /** Captures from now until the run returns. */
  public Window measure(Platform.Deployment d, Supplier<LoadResult> run) {
    return measure(d, run, null);
  }

  /**
   * @param firstArrival when non-null, the window opens when it completes (the run's first arrival)
   *     instead of now
   */
  public Window measure(
      Platform.Deployment d, Supplier<LoadResult> run, CompletableFuture<Long> firstArrival) {
    long self = ProcessHandle.current().pid();
    CompletableFuture<Start> start =
        firstArrival == null
            ? CompletableFuture.completedFuture(start(d, self))
            : firstArrival.thenApplyAsync(t -> start(d, self));
    LoadResult load = run.get();
    if (firstArrival != null) {
      firstArrival.complete(System.currentTimeMillis());
    }
    Start s = start.join();
    MetricsSource.Snapshot after = metrics.capture(d);
    MachineLoad.Mark end = MachineLoad.mark();
    double seconds = (System.nanoTime() - s.nanos()) / 1e9;
    Map<String, MetricsSource.ServiceFigures> processes = metrics.between(s.snapshot(), after);
    List<Double> ours = new ArrayList<>();
    processes.values().forEach(f -> ours.add(f.cpuSeconds()));
    ours.add(load.generatorCpuSeconds());
    ours.add(Procfs.cpuSeconds(self) - s.selfCpu());
    return new Window(load, processes, s.mark().until(end, MachineLoad.sum(ours)), seconds);
  }

  private record Start(
      double selfCpu, MachineLoad.Mark mark, MetricsSource.Snapshot snapshot, long nanos) {}

  private Start start(Platform.Deployment d, long self) {
    double selfCpu = Procfs.cpuSeconds(self);
    MachineLoad.Mark mark = MachineLoad.mark();
    MetricsSource.Snapshot before = metrics.capture(d);
    return new Start(selfCpu, mark, before, System.nanoTime());
  }
}
