package com.flashdeal.harness.platform;

import com.flashdeal.harness.HarnessException;

/**
 * A variant as the bench names it: a variant of {@code variants/} plus an optional start-up
 * modifier. {@code phase1-db-atomic+aot} is the same system started from JDK AOT caches recorded by
 * a training run ({@code +aot-train}, which the bench runs first), so the cold-start experiment is
 * one more variant in the same interleaved rounds and gets the same verdicts.
 */
public record VariantName(String base, Aot aot) {
  public static final String AOT = "+aot";
  private static final String TRAIN = "+aot-train";

  public enum Aot {
    OFF,
    ON,
    TRAIN
  }

  public static VariantName parse(String name) {
    if (name.endsWith(TRAIN)) {
      return new VariantName(name.substring(0, name.length() - TRAIN.length()), Aot.TRAIN);
    }
    if (name.endsWith(AOT)) {
      return new VariantName(name.substring(0, name.length() - AOT.length()), Aot.ON);
    }
    if (name.contains("+")) {
      throw new HarnessException("unknown variant modifier in '" + name + "'; only +aot exists");
    }
    return new VariantName(name, Aot.OFF);
  }

  /** The name under which the bench trains this variant's caches. */
  public String training() {
    return base + TRAIN;
  }
}
