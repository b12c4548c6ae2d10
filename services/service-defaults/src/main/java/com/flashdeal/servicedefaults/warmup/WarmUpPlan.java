package com.flashdeal.servicedefaults.warmup;

import java.util.List;

/**
 * What a service warms up: its hot paths, sent round-robin. A service without a plan bean does not
 * warm up.
 */
@FunctionalInterface
public interface WarmUpPlan {
  List<WarmUpCall> calls();

  /** Run once before the first call, e.g. to put the state its paths need in place. */
  default void before() {}

  /** Run once after the last call (also when the warm-up failed): undo {@link #before}. */
  default void after() {}
}
