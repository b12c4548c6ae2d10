package com.flashdeal.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Steady state: three consecutive windows within the tolerance, not two. */
class SteadyRunTest {

  @Test
  void twoAgreeingWindowsOnAPlateauAreNotSteady() {
    // Seen on a fresh deployment: 6.6 then 6.9 ms (a JIT plateau), then 5.7 and 3.6 ms.
    assertThat(SteadyRun.steady(List.of(6.6), 6.86, 0.05)).isFalse();
    assertThat(SteadyRun.steady(List.of(6.6, 6.86), 5.72, 0.05)).isFalse();
    assertThat(SteadyRun.steady(List.of(5.72, 3.6), 3.55, 0.05)).isFalse();
  }

  @Test
  void threeWindowsWithinTheToleranceAreSteady() {
    assertThat(SteadyRun.steady(List.of(9.0, 3.60, 3.55), 3.50, 0.05)).isTrue();
    assertThat(SteadyRun.steady(List.of(3.6, 3.55), Double.NaN, 0.05)).isFalse();
  }
}
