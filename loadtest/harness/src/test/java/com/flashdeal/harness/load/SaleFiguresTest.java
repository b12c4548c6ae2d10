package com.flashdeal.harness.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaleFiguresTest {

  @Test
  void arrivalLinesAreReadFromALogAndOthersIgnored() {
    String log =
        "time=\"x\" level=info msg=\"generator started\"\n"
            + "A|0|1000|1012|201||5f0c|42|1|11.5\n"
            + "A|1|1001|1030|409|SOLD_OUT||42||29\n"
            + "A|2|1002|1003|0|||42||0\n"
            + "A|broken\n";
    List<Arrival> a = Arrival.parseLog(log);
    assertThat(a).hasSize(3);
    assertThat(a.get(0).created()).isTrue();
    assertThat(a.get(0).orderId()).isEqualTo("5f0c");
    assertThat(a.get(1).soldOut()).isTrue();
    assertThat(a.get(2).error()).isTrue();
    assertThat(a.get(2).outcome()).isEqualTo("0");
  }

  @Test
  void phase5LinesCarryTheDecisionAndItsTime() {
    String log =
        "A|0|1000|1400|202||5f0c|42|1|12|390\n"
            + "A|1|1001|1500|202|SOLD_OUT|6a1d|42|1|15|480\n"
            + "A|2|1002|61000|202|PENDING|7b2e|42|1|14|60000\n";
    List<Arrival> a = Arrival.parseLog(log);
    assertThat(a).hasSize(3);
    assertThat(a.get(0).created()).isTrue();
    assertThat(a.get(0).accepted()).isTrue();
    assertThat(a.get(0).orderMs()).isEqualTo(12);
    assertThat(a.get(0).decidedMs()).isEqualTo(390);
    assertThat(a.get(1).soldOut()).isTrue();
    assertThat(a.get(2).error()).isTrue();
    assertThat(a.get(2).outcome()).isEqualTo("202 PENDING");
    // The spectrum is what the buyer waited to know: the decision, not the 202.
    assertThat(SaleFigures.of(a, 1).allMs().get("p50")).isEqualTo(480);
  }

  @Test
  void aPerfectlyFairSaleSellsToTheFirstArrivalsAndSaysWhenItSoldOut() {
    // 10 arrivals 100 ms apart, stock 3: the first three buy, answered 20 ms after they arrive.
    List<Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long start = 10_000 + i * 100L;
      arrivals.add(
          i < 3
              ? new Arrival(i, start, start + 20, 201, "", "o" + i, 1, 1, 20)
              : new Arrival(i, start, start + 5, 409, "SOLD_OUT", "", 1, 0, 5));
    }
    SaleFigures f = SaleFigures.of(arrivals, 3);
    assertThat(f.sellOutSeconds()).isCloseTo(0.22, within(1e-9));
    assertThat(f.ordersPerSecond()).isCloseTo(3 / 0.22, within(1e-9));
    assertThat(f.firstServed()).isEqualTo(3);
    assertThat(f.rankCorrelation()).isCloseTo(f.rankCorrelationIdeal(), within(1e-9));
    assertThat(f.rankCorrelation()).isNegative();
    assertThat(f.createdMs()).containsEntry("p99", 20.0);
    assertThat(f.soldOutMs()).containsEntry("p50", 5.0);
    assertThat(f.timeline().getFirst().unitsLeft()).isZero();
    assertThat(f.errors()).isZero();
  }

  @Test
  void anUnfairOrUnfinishedSaleShowsIt() {
    // The last arrivals won; one unit never sold (an error in between).
    List<Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long start = 1_000 + i * 10L;
      int status = i >= 4 ? 201 : i == 3 ? 503 : 409;
      arrivals.add(
          new Arrival(
              i,
              start,
              start + 10,
              status,
              status == 409 ? "SOLD_OUT" : status == 503 ? "UPSTREAM_UNAVAILABLE" : "",
              status == 201 ? "o" + i : "",
              1,
              1,
              10));
    }
    SaleFigures f = SaleFigures.of(arrivals, 3);
    assertThat(f.sellOutSeconds()).isNaN();
    assertThat(f.firstServed()).isZero();
    assertThat(f.rankCorrelation()).isPositive();
    assertThat(f.errorsByOutcome()).containsEntry("503 UPSTREAM_UNAVAILABLE", 1);
  }

  @Test
  void theGeneratorsCpuIsReadFromBashTimes() {
    String printed = "gatling: sale\nload-cpu:\n0m0.010s 0m0.002s\n1m2.500s 0m1.250s\n";
    assertThat(GatlingRunner.cpuFromTimes(printed)).isCloseTo(63.75, within(1e-9));
    assertThat(GatlingRunner.cpuFromTimes("nothing")).isEqualTo(-1);
  }
}
