package com.flashdeal.harness.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KneeSearchTest {

  private static KneeSearch.Step step(int rate, int trueKnee) {
    boolean ok = rate <= trueKnee;
    return new KneeSearch.Step(rate, ok, false, ok ? "" : "p99 over the SLO", null);
  }

  @Test
  void doublesThenBisectsToWithinThePrecisionAndConfirms() {
    List<Integer> tried = new ArrayList<>();
    KneeSearch.Knee k =
        new KneeSearch(50, 1600, 0.1)
            .search(
                (r, again) -> {
                  tried.add(r);
                  return step(r, 333);
                });
    assertThat(tried).startsWith(50, 100, 200, 400);
    assertThat(k.knee()).isBetween(300, 333);
    assertThat(k.confirmed()).isTrue();
    assertThat(k.bounded()).isTrue();
    assertThat(k.steps().getLast().confirmation()).isTrue();
    assertThat(k.steps().getLast().rate()).isEqualTo(k.knee());
  }

  @Test
  void aKneeThatDoesNotReproduceIsSearchedAgainBelow() {
    // The first pass at the top rate was luck: every later run at or above 300 fails.
    int[] calls = {0};
    KneeSearch.Knee k =
        new KneeSearch(100, 1600, 0.1)
            .search(
                (r, again) -> {
                  calls[0]++;
                  boolean lucky = calls[0] <= 2 && r <= 200;
                  return new KneeSearch.Step(r, lucky || r < 250, false, "", null);
                });
    assertThat(k.knee()).isLessThan(250);
    assertThat(k.confirmed()).isTrue();
  }

  @Test
  void aSystemFasterThanTheGeneratorLimitIsReportedAsUnbounded() {
    KneeSearch.Knee k = new KneeSearch(100, 800, 0.1).search((r, again) -> step(r, 10_000));
    assertThat(k.knee()).isEqualTo(800);
    assertThat(k.bounded()).isFalse();
  }

  @Test
  void failingAtTheFirstStepSearchesDownward() {
    KneeSearch.Knee k = new KneeSearch(100, 800, 0.1).search((r, again) -> step(r, 30));
    assertThat(k.knee()).isBetween(27, 30);
    assertThat(k.confirmed()).isTrue();
  }
}
