package com.flashdeal.servicedefaults.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettlingTest {

  @Test
  void aFlatCostWhileTheJitStillCompilesIsNotSettled() {
    // A plateau of product-service's warm-up: the cost stalls around 2 ms while C2 still works.
    Settling s = new Settling(5, 0.1);
    for (int i = 0; i < 10; i++) {
      s.add(2.0, 400, 800);
    }
    assertThat(s.settled()).isFalse();
  }

  @Test
  void settledOnceTheJitIsIdleOverTheWindow() {
    Settling s = new Settling(5, 0.1);
    for (int i = 0; i < 6; i++) {
      s.add(2.0, 400, 800);
    }
    for (int i = 0; i < Settling.WINDOW - 1; i++) {
      s.add(0.7, 10, 300);
      assertThat(s.settled()).as("after %d idle batches", i + 1).isFalse();
    }
    s.add(0.7, 10, 300);
    assertThat(s.settled()).isTrue();
  }

  @Test
  void oneLateCompilationInTheWindowIsTolerated() {
    Settling s = new Settling(5, 0.1);
    s.add(0.7, 120, 300);
    for (int i = 0; i < 4; i++) {
      s.add(0.7, 0, 300);
    }
    assertThat(s.settled()).as("120 ms of 1,500").isTrue();
  }

  @Test
  void neverBeforeTheMinimumNumberOfBatches() {
    Settling s = new Settling(8, 0.1);
    for (int i = 0; i < 7; i++) {
      s.add(0.7, 0, 300);
    }
    assertThat(s.settled()).isFalse();
    s.add(0.7, 0, 300);
    assertThat(s.settled()).isTrue();
    assertThat(s.series()).startsWith("0.70 0.70");
  }
}
