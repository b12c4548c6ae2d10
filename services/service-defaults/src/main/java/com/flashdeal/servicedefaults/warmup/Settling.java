package com.flashdeal.servicedefaults.warmup;

import java.util.ArrayList;
import java.util.List;

/**
 * The warm-up's stopping rule. While a service's hot paths are being compiled its CPU per call
 * falls, but slowly and noisily (measured on product-service: 8 ms, 2 ms after 5,000 calls with
 * long flat stretches, 0.6-0.8 ms after 30,000), so a rule on the cost alone stops on a plateau
 * half-way down. What ends the fall is the JIT running out of work: settled when at least {@code
 * minBatches} were measured and, over the last {@link #WINDOW} batches, the JIT compiled for at
 * most {@code jitShare} of the time they took.
 */
final class Settling {
  static final int WINDOW = 5;

  private final int minBatches;
  private final double jitShare;
  private final List<Batch> batches = new ArrayList<>();

  private record Batch(double cpuPerCall, long jitMillis, long wallMillis) {}

  Settling(int minBatches, double jitShare) {
    this.minBatches = Math.max(minBatches, WINDOW);
    this.jitShare = jitShare;
  }

  /**
   * One batch: its CPU per call (ms), the JIT's compilation time during it and its wall time (ms).
   */
  void add(double cpuPerCall, long jitMillis, long wallMillis) {
    batches.add(new Batch(cpuPerCall, jitMillis, wallMillis));
  }

  boolean settled() {
    if (batches.size() < minBatches) {
      return false;
    }
    List<Batch> last = batches.subList(batches.size() - WINDOW, batches.size());
    long jit = last.stream().mapToLong(Batch::jitMillis).sum();
    long wall = last.stream().mapToLong(Batch::wallMillis).sum();
    return jit <= jitShare * wall;
  }

  int batches() {
    return batches.size();
  }

  /** The CPU per call of every batch, in order, as {@code 8.00 4.10 2.20} (ms). */
  String series() {
    return String.join(" ", batches.stream().map(b -> "%.2f".formatted(b.cpuPerCall())).toList());
  }
}
