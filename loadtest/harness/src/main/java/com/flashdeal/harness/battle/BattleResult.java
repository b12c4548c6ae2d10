package com.flashdeal.harness.battle;

import com.flashdeal.harness.stats.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The battle's figures: one {@link Sample} per variant and round (rounds interleave the variants,
 * so drift on a shared machine hits both alike), and each variant's artifacts.
 *
 * @param referenceVariant the baseline (the first variant): its knee of the round sets the fixed
 *     rates both variants are measured at
 * @param service the service whose stack differs (its process is the one measured)
 */
public record BattleResult(
    String referenceVariant, String service, List<Sample> samples, List<Artifact> artifacts) {

  /**
   * One round of one variant.
   *
   * @param startToFirstOrderMs from the service's process start to the first order answered 201
   *     through the gateway
   * @param idleRssMib the service's resident memory 5 s after that first order, before any load
   * @param peakRssMib the service's peak resident memory (VmHWM) at the end of the round's load
   * @param knee the order path's knee (p99 within the SLO), arrivals per second
   * @param referenceRate the baseline's knee of this round: the 50 % and 90 % steps are of it
   * @param p99At50 / p99At90 order p99 at 50 % and 90 % of the reference rate, ms
   * @param cpuAt90 the service's CPU seconds per 1,000 orders at 90 %
   * @param allCpuAt90 every process's (services, databases, load generator) CPU seconds per 1,000
   *     orders at 90 %
   */
  public record Sample(
      String variant,
      int round,
      double startToFirstOrderMs,
      double idleRssMib,
      double peakRssMib,
      double knee,
      int referenceRate,
      double p99At50,
      double p99At90,
      double cpuAt90,
      double allCpuAt90) {}

  /**
   * What ships: the runnable jar and the image's own layers (what Jib adds on the base image both
   * share: dependencies, resources, classes), in bytes; -1 when not built.
   */
  public record Artifact(String variant, String jar, long jarBytes, long imageLayerBytes) {}

  /** A figure of the battle: how to read it from a sample, its unit and direction. */
  public record Figure(
      String name, String unit, boolean higherIsBetter, ToDoubleFunction<Sample> value) {}

  public static final List<Figure> FIGURES =
      List.of(
          new Figure("knee", "/s", true, Sample::knee),
          new Figure("order p99 at 50 % of the reference knee", "ms", false, Sample::p99At50),
          new Figure("order p99 at 90 % of the reference knee", "ms", false, Sample::p99At90),
          new Figure("service CPU per 1,000 orders (at 90 %)", "s", false, Sample::cpuAt90),
          new Figure(
              "all processes' CPU per 1,000 orders (at 90 %)", "s", false, Sample::allCpuAt90),
          new Figure("RSS idle", "MiB", false, Sample::idleRssMib),
          new Figure("RSS under load (peak)", "MiB", false, Sample::peakRssMib),
          new Figure("start to first order", "ms", false, Sample::startToFirstOrderMs));

  public List<String> variants() {
    List<String> out = new ArrayList<>();
    samples.forEach(
        s -> {
          if (!out.contains(s.variant())) {
            out.add(s.variant());
          }
        });
    return out;
  }

  public List<Double> values(String variant, Figure f) {
    return samples.stream()
        .filter(s -> s.variant().equals(variant))
        .map(s -> f.value().applyAsDouble(s))
        .toList();
  }

  /** Every other variant against the reference, figure by figure. */
  public List<Comparison> comparisons() {
    List<Comparison> out = new ArrayList<>();
    for (String v : variants()) {
      if (v.equals(referenceVariant)) {
        continue;
      }
      for (Figure f : FIGURES) {
        out.add(
            Comparison.of(
                f.name(),
                f.unit(),
                f.higherIsBetter(),
                v,
                values(v, f),
                referenceVariant,
                values(referenceVariant, f)));
      }
    }
    return out;
  }
}
