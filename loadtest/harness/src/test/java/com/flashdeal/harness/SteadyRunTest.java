package com.flashdeal.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steady state: three consecutive windows within the tolerance, and no trend against the three
 * before them.
 */
class SteadyRunTest {

  @Test
  void twoAgreeingWindowsOnAPlateauAreNotSteady() {
    // Seen on a fresh deployment: 6.6 then 6.9 ms (a JIT plateau), then 5.7 and 3.6 ms.
    assertThat(SteadyRun.steady(List.of(6.6), 6.86, 0.05)).isFalse();
    assertThat(SteadyRun.steady(List.of(6.6, 6.86), 5.72, 0.05)).isFalse();
    assertThat(SteadyRun.steady(List.of(5.72, 3.6), 3.55, 0.05)).isFalse();
  }

  @Test
  void threeAgreeingWindowsRightAfterAStepAreNotSteady() {
    // A plateau that holds three windows together, the block before it still above.
    assertThat(SteadyRun.steady(List.of(6.6, 6.86, 5.72, 3.6, 3.55), 3.50, 0.05)).isFalse();
  }

  @Test
  void aSlowSlideIsNotSteady() {
    // 2 % less every window: any three agree within 5 %, the two blocks do not.
    assertThat(SteadyRun.steady(List.of(5.0, 4.9, 4.8, 4.7, 4.6), 4.5, 0.05)).isFalse();
  }

  @Test
  void twoAgreeingBlocksAreSteady() {
    assertThat(SteadyRun.steady(List.of(9.0, 3.60, 3.55, 3.50, 3.58, 3.49), 3.52, 0.05)).isTrue();
    assertThat(SteadyRun.steady(List.of(3.6, 3.55, 3.5, 3.6, 3.55), Double.NaN, 0.05)).isFalse();
  }

  @Test
  void fewerThanTwoBlocksAreNeverSteady() {
    assertThat(SteadyRun.steady(List.of(3.6, 3.55, 3.5, 3.6), 3.55, 0.05)).isFalse();
  }
}
