package com.flashdeal.harness.battle;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.capacity.CapacityResult;
import com.flashdeal.harness.capacity.Knees;
import com.flashdeal.harness.metrics.Procfs;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.scenario.BenchScenario;
import com.flashdeal.harness.scenario.Lab;
import com.flashdeal.harness.scenario.Settings;
import com.flashdeal.harness.seed.Deals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 4's battle, rounds interleaving the variants (the first is the reference). Per round and
 * variant, on a fresh deployment: the service is killed and started again while orders are tried
 * (start to first order), its idle memory read, then after the warm-up the order path's knee is
 * searched and both variants are measured at 50 % and 90 % of the reference's knee of the round
 * (p99, CPU per order), and the service's peak memory read at the end.
 */
public final class BattleScenario implements BenchScenario {

  /** The service whose stack the battle's variants change (Phase 4: order-service). */
  static final String SERVICE = "order-service";

  @Override
  public String id() {
    return "battle";
  }

  @Override
  public String summary() {
    return "Phase 4: the variants' order-service stacks side by side — knee, p99 at 50/90 % of the"
        + " first variant's knee, CPU per order, RSS idle and under load, start to first order,"
        + " jar and image size";
  }

  @Override
  public void validate(Settings s) {
    if (s.variants().size() < 2) {
      throw new HarnessException(
          "battle: give the reference variant first and at least one other (--variants a,b)");
    }
  }

  @Override
  public String describe(Settings s) {
    return "Battle of the %s stacks: %d round(s) of %s, interleaved; "
            .formatted(SERVICE, s.repeat(), String.join(", ", s.variants()))
        + Knees.describe(
            s, "order p99 ≤ %.0f ms".formatted(s.option("knee.slo-ms", Knees.ORDER_SLO_MS)));
  }

  @Override
  public BattleReport run(Lab lab) throws InterruptedException {
    Settings s = lab.settings();
    Knees knees = new Knees(lab);
    Knees.Probe probe = Knees.orderPath(s);
    List<BattleResult.Sample> samples = new ArrayList<>();
    List<CapacityResult> searches = new ArrayList<>();
    String reference = s.variants().getFirst();
    for (int round = 1; round <= s.repeat(); round++) {
      int referenceRate = 0;
      for (String variant : s.variants()) {
        String label = "battle [round %d/%d] %s".formatted(round, s.repeat(), variant);
        Platform platform = lab.platform();
        try {
          lab.progress().accept(label + ": deploy");
          Platform.Deployment d = platform.deploy(variant);
          lab.pool().renew(d.gateway(), Duration.ofMinutes(15), lab.users());
          platform.resetState(d);
          long firstOrderDeal = new Deals(d).open(Math.max(1000, s.users()), 1).id();
          double firstOrder =
              FirstOrder.measure(
                  platform, d, SERVICE, lab.pool().users(), firstOrderDeal, lab.progress());
          Thread.sleep(5000);
          double idleRss = Procfs.rssMib(d.pids().get(SERVICE));
          platform.resetState(d);
          lab.warmUp(s.warmupSeconds(), d, lab.dir(variant, round, "warmup"), label);
          CapacityResult found = knees.knee(probe, knees.startRate(), d);
          int knee = Math.max(found.knee().knee(), knees.startRate());
          if (variant.equals(reference) || referenceRate == 0) {
            referenceRate = knee;
          }
          List<CapacityResult.StepFigures> steps = new ArrayList<>(found.steps());
          CapacityResult.StepFigures at50 =
              knees.step(probe, d, (int) Math.round(referenceRate * 0.5), false, steps.size(), 0);
          steps.add(at50);
          CapacityResult.StepFigures at90 =
              knees.step(probe, d, (int) Math.round(referenceRate * 0.9), false, steps.size(), 0);
          steps.add(at90);
          double peakRss = Procfs.peakRssMib(d.pids().get(SERVICE));
          searches.add(
              new CapacityResult(
                  found.variant(), found.target(), found.sloMs(), found.knee(), steps));
          BattleResult.Sample sample =
              new BattleResult.Sample(
                  variant,
                  round,
                  firstOrder,
                  idleRss,
                  peakRss,
                  found.knee().knee(),
                  referenceRate,
                  at50.p99Ms(),
                  at90.p99Ms(),
                  at90.cpuPerThousand().getOrDefault(SERVICE, Double.NaN),
                  at90.cpuPerThousand().values().stream()
                      .filter(v -> v >= 0)
                      .mapToDouble(Double::doubleValue)
                      .sum());
          samples.add(sample);
          lab.progress()
              .accept(
                  "%s: knee %d/s, p99 %.1f / %.1f ms at %d / %d/s, %.2f CPU s per 1,000 orders, RSS %.0f idle / %.0f peak MiB, first order %.0f ms"
                      .formatted(
                          label,
                          found.knee().knee(),
                          at50.p99Ms(),
                          at90.p99Ms(),
                          at50.rate(),
                          at90.rate(),
                          sample.cpuAt90(),
                          idleRss,
                          peakRss,
                          firstOrder));
        } catch (HarnessException e) {
          lab.abort(label, e);
        } finally {
          platform.stop();
        }
      }
    }
    return new BattleReport(
        new BattleResult(reference, SERVICE, samples, BattleArtifacts.of(lab.repo(), s.variants())),
        searches);
  }
}
