package com.flashdeal.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashdeal.harness.Bench;
import com.flashdeal.harness.sale.SaleFixtures;
import com.flashdeal.harness.scenario.Lab;
import com.flashdeal.harness.scenario.Settings;
import com.flashdeal.harness.seed.UserPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report lays out what every bench has around the scenario's own part. */
class ReportTest {
  @TempDir Path dir;

  private static final Settings SETTINGS =
      new Settings(
          "sale",
          List.of("phase1-db-atomic", "phase1-db-lock"),
          5,
          3,
          10,
          100,
          1,
          6,
          false,
          Map.of("sale.cold", "true"));

  private static Bench.Outcome outcome() {
    return new Bench.Outcome(
        List.of("[3/10] phase1-db-lock round 2: gateway exited"),
        new UserPool.Seeding(10, 10, 10, 1.5),
        SaleFixtures.fiveRounds(),
        List.of(new Lab.WarmUp("phase1-db-atomic", "[1/10]", 64, 70, true)));
  }

  @Test
  void theHeadlineAndTheVerdictsComeFirstThenTheScenariosChartsAndTables() throws Exception {
    Report.write(dir, Map.of("cpu", "test"), SETTINGS, outcome());
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html.indexOf("Headline: phase1-db-lock is worse on warm order p99 (201)"))
        .isPositive()
        .isLessThan(html.indexOf("Verdicts"));
    assertThat(html.indexOf("Verdicts")).isLessThan(html.indexOf("<svg"));
    assertThat(html).contains("Sell-out curve", "Latency spectrum", "CPU seconds per 1,000 orders");
    String md = Files.readString(dir.resolve("report.md"));
    assertThat(md)
        .contains("Sale: S = 3 units, U = 10 arrivals at R = 100/s, 5 round(s)")
        .contains("| phase1-db-lock | cold | INVALID 1/5 |")
        .contains("- ABORTED [3/10] phase1-db-lock round 2: gateway exited")
        .contains("| phase1-db-atomic | [1/10] | 64 s | 70 s |");
    var json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(json.path("sale").path("sales").size()).isEqualTo(20);
    assertThat(json.path("settings").path("options").path("sale.cold").asText()).isEqualTo("true");
  }

  @Test
  void everyVerdictOfTheScenarioIsListed() {
    assertThat(Report.verdicts(outcome()))
        .containsAll(SaleFixtures.fiveRounds().verdicts())
        .last()
        .isEqualTo("ABORTED [3/10] phase1-db-lock round 2: gateway exited");
  }
}
