package com.flashdeal.harness.battle;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.harness.stats.Comparison;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BattleResultTest {

  private static BattleResult.Sample sample(String variant, int round, double rss, double knee) {
    return new BattleResult.Sample(
        variant, round, 5000 + round, rss, rss + 40, knee, 100, 40, 30, 5, 15);
  }

  private static BattleResult battle(double micronautRss, double micronautKnee) {
    List<BattleResult.Sample> samples = new ArrayList<>();
    for (int round = 1; round <= 4; round++) {
      samples.add(sample("spring", round, 240 + round, 93));
      samples.add(sample("micronaut", round, micronautRss + round, micronautKnee));
    }
    return new BattleResult("spring", "order-service", samples, List.of());
  }

  private static Comparison verdict(BattleResult b, String figure) {
    return b.comparisons().stream()
        .filter(c -> c.figure().equals(figure))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyFigureOfTheOtherVariantIsJudgedAgainstTheReference() {
    BattleResult b = battle(150, 93);
    assertThat(b.variants()).containsExactly("spring", "micronaut");
    assertThat(b.comparisons()).hasSize(BattleResult.FIGURES.size());
    assertThat(b.comparisons()).allSatisfy(c -> assertThat(c.baseline()).isEqualTo("spring"));
  }

  @Test
  void lessMemoryInEveryRoundIsBetterAndAnEqualKneeIsNoDifference() {
    BattleResult b = battle(150, 93);
    Comparison rss = verdict(b, "RSS idle");
    assertThat(rss.verdict()).isEqualTo(Comparison.Verdict.BETTER);
    assertThat(rss.ratio()).isLessThan(0.7);
    assertThat(verdict(b, "knee").verdict()).isEqualTo(Comparison.Verdict.INCONCLUSIVE);
  }

  @Test
  void aLowerKneeInEveryRoundIsWorse() {
    assertThat(verdict(battle(240, 60), "knee").verdict()).isEqualTo(Comparison.Verdict.WORSE);
  }
}
