package com.flashdeal.harness;

import com.flashdeal.harness.load.LoadGenerator;
import com.flashdeal.harness.load.LoadRequest;
import com.flashdeal.harness.load.LoadResult;
import com.flashdeal.harness.metrics.MachineLoad;
import com.flashdeal.harness.metrics.MetricsSource;
import com.flashdeal.harness.metrics.Procfs;
import com.flashdeal.harness.platform.Platform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One continuous load run cut into windows until the system is at steady state: three consecutive
 * windows whose CPU per answer (every process but the generator) agree within a tolerance, and no
 * trend against the three before them (see {@link #steady}), bounded in time; then, optionally,
 * more windows as samples. What "warm" means everywhere in the lab: the warm-up before a warm sale
 * or a knee search, and the cost scenario's measurement.
 *
 * <p>Answers are counted where they are served (a service's own request count); CPU is every
 * process's own, read at the windows' edges, the generator's from its process.
 */
public final class SteadyRun {

  /** Everything but the generator: the CPU a variant is ranked by. */
  public static final String SYSTEM = "system";

  public static final String GENERATOR = "generator";

  /**
   * @param seconds one window
   * @param maxWarmSeconds the bound on reaching steady state
   * @param samples windows kept after steady state (0: stop once steady)
   * @param tolerance max / min - 1 of the last three windows, and their mean against the three
   *     before
   */
  public record Plan(
      int rate, int seconds, int maxWarmSeconds, int samples, double tolerance, String counter) {
    int maxWindows() {
      return Math.max(2 * BLOCK, (int) Math.ceil((double) maxWarmSeconds / seconds));
    }

    /**
     * How long the generator is told to run: the bound, the samples and margin — each window also
     * spends the scrapes at its edge, and a run that ended one window early lost a sample.
     */
    public int runSeconds() {
      return (maxWindows() + samples + 2) * seconds + 10;
    }
  }

  /**
   * One window.
   *
   * @param msPerAnswer CPU ms per answer by process, {@link #SYSTEM} and {@link #GENERATOR} too
   */
  public record Window(
      int index,
      double seconds,
      long answers,
      Map<String, Double> msPerAnswer,
      MachineLoad machine,
      Map<String, MetricsSource.ServiceFigures> processes) {
    public double rate() {
      return answers / seconds;
    }

    public double systemMs() {
      return msPerAnswer.getOrDefault(SYSTEM, Double.NaN);
    }
  }

  /**
   * @param steadyAfterSeconds from the first arrival to the window that closed steady state, NaN
   *     when the bound passed first
   * @param samples the windows after steady state (after the bound when it never settled)
   * @param load what the generator saw over the whole run (its answers' error rates)
   */
  public record Result(
      double steadyAfterSeconds, int windows, List<Window> samples, Window last, LoadResult load) {
    public boolean settled() {
      return !Double.isNaN(steadyAfterSeconds);
    }
  }

  private final MetricsSource metrics;
  private final LoadGenerator load;

  public SteadyRun(MetricsSource metrics, LoadGenerator load) {
    this.metrics = metrics;
    this.load = load;
  }

  /**
   * @param each told of every window, and whether it is a sample
   */
  public Result run(
      Platform.Deployment d,
      LoadRequest request,
      Path dir,
      Plan plan,
      java.util.function.BiConsumer<Window, String> each) {
    CompletableFuture<LoadResult> run = CompletableFuture.supplyAsync(() -> load.run(request, dir));
    double steadyAt = Double.NaN;
    int windows = 0;
    List<Window> samples = new ArrayList<>();
    Window last = null;
    try {
      CompletableFuture.anyOf(request.firstArrival(), run).join();
      long started = System.nanoTime();
      long generator = request.generatorPid().getNow(-1L);
      Edge prev = edge(d, generator);
      List<Double> totals = new ArrayList<>();
      boolean settled = false;
      while (!run.isDone() && (!settled || samples.size() < plan.samples())) {
        Waiting.sleep(Duration.ofSeconds(plan.seconds()));
        if (run.isDone()) {
          break;
        }
        Edge cur = edge(d, generator);
        Window w = window(++windows, prev, cur, plan.counter());
        last = w;
        String note;
        if (settled) {
          samples.add(w);
          note = "sample " + samples.size();
        } else if (steady(totals, w.systemMs(), plan.tolerance())
            && w.answers() >= plan.rate() * w.seconds() * 0.9) {
          settled = true;
          steadyAt = (cur.nanos - started) / 1e9;
          note = "steady after %.0f s".formatted(steadyAt);
        } else if (windows >= plan.maxWindows()) {
          // Not steady within the bound: later windows are kept anyway, and the report says so.
          settled = true;
          note = "not steady within %d s".formatted(plan.maxWarmSeconds());
        } else {
          note = "";
        }
        each.accept(w, note);
        totals.add(w.systemMs());
        prev = cur;
      }
    } finally {
      request.stop().complete(null);
    }
    return new Result(steadyAt, windows, samples, last, run.join());
  }

  private Window window(int index, Edge prev, Edge cur, String counter) {
    Map<String, MetricsSource.ServiceFigures> procs = metrics.between(prev.snapshot, cur.snapshot);
    MetricsSource.ServiceFigures served = procs.get(counter);
    long answers = served == null ? 0 : served.serverRequests();
    double generatorCpu = cur.generatorCpu >= 0 ? cur.generatorCpu - prev.generatorCpu : -1;
    Map<String, Double> ms = new LinkedHashMap<>();
    double total = 0;
    List<Double> ours = new ArrayList<>();
    for (var e : procs.entrySet()) {
      double cpu = e.getValue().cpuSeconds();
      ours.add(cpu);
      if (cpu >= 0 && answers > 0) {
        ms.put(e.getKey(), cpu * 1000 / answers);
        total += cpu;
      }
    }
    ours.add(generatorCpu);
    ours.add(cur.selfCpu - prev.selfCpu);
    ms.put(SYSTEM, answers > 0 ? total * 1000 / answers : Double.NaN);
    if (generatorCpu >= 0 && answers > 0) {
      ms.put(GENERATOR, generatorCpu * 1000 / answers);
    }
    return new Window(
        index,
        (cur.nanos - prev.nanos) / 1e9,
        answers,
        ms,
        prev.mark.until(cur.mark, MachineLoad.sum(ours)),
        procs);
  }

  /** Windows in a block; steady state compares the last two blocks. */
  static final int BLOCK = 3;

  /**
   * Steady: the last {@link #BLOCK} windows (this one included) agree within the tolerance (max /
   * min - 1), and their mean agrees with the mean of the block before them. The second rule is the
   * trend check: CPU per answer falls in steps while the JIT works, and a plateau between two steps
   * holds three windows together (seen: 3 x 10 s within 3 %, then 25 % lower a minute later); a
   * block still above the one after a step, or sliding a little every window, fails it.
   */
  static boolean steady(List<Double> before, double current, double tolerance) {
    if (before.size() < 2 * BLOCK - 1 || !Double.isFinite(current)) {
      return false;
    }
    List<Double> all = new ArrayList<>(before);
    all.add(current);
    List<Double> last = all.subList(all.size() - BLOCK, all.size());
    List<Double> previous = all.subList(all.size() - 2 * BLOCK, all.size() - BLOCK);
    double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    if (!(min > 0) || max / min - 1 > tolerance) {
      return false;
    }
    double now = mean(last);
    double then = mean(previous);
    return Double.isFinite(then) && Math.abs(then / now - 1) <= tolerance;
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** A progress line for a window. */
  public static String describe(String what, Window w, String note) {
    return "  %s window %d: %.0f answers/s, system %.3f ms/answer%s%s%s"
        .formatted(
            what,
            w.index(),
            w.rate(),
            w.systemMs(),
            w.msPerAnswer().containsKey(GENERATOR)
                ? ", generator %.3f ms".formatted(w.msPerAnswer().get(GENERATOR))
                : "",
            note.isEmpty() ? "" : " — " + note,
            w.machine().disturbed() ? " — DISTURBED" : "");
  }

  private record Edge(
      MetricsSource.Snapshot snapshot,
      MachineLoad.Mark mark,
      double generatorCpu,
      double selfCpu,
      long nanos) {}

  /** The window's edge; its time is taken before the scrapes, which take a while themselves. */
  private Edge edge(Platform.Deployment d, long generator) {
    long nanos = System.nanoTime();
    MachineLoad.Mark mark = MachineLoad.mark();
    double generatorCpu = generator > 0 ? Procfs.cpuSeconds(generator) : -1;
    double self = Procfs.cpuSeconds(ProcessHandle.current().pid());
    return new Edge(metrics.capture(d), mark, generatorCpu, self, nanos);
  }

  /** Logs through {@code progress}. */
  public static java.util.function.BiConsumer<Window, String> logging(
      String what, Consumer<String> progress) {
    return (w, note) -> progress.accept(describe(what, w, note));
  }
}
