package com.flashdeal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The summary document's statistics, in the names the harness reads. */
class RecorderTest {

  @Test
  void percentilesInterpolateBetweenRanks() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(Recorder.percentile(v, 50)).isCloseTo(5.5, within(1e-9));
    assertThat(Recorder.percentile(v, 99)).isCloseTo(9.91, within(1e-9));
    assertThat(Recorder.percentile(new double[] {4}, 99)).isEqualTo(4);
    assertThat(Recorder.trendStats(v)).containsKeys("p(99.9)", "p(99)", "med", "avg", "max");
  }

  @Test
  void theSummaryHoldsCountsRatesTrendsAndTheGeneratorsWindow() {
    Recorder r = new Recorder();
    r.count("orders_created");
    r.count("orders_created");
    r.rate("order_errors{stage:measured}", true);
    r.rate("order_errors{stage:measured}", false);
    r.trend("order_duration{stage:measured}", 10);
    r.trend("order_duration{stage:measured}", 20);
    r.measuredArrivalStarts();
    r.request(true);
    r.request(false);
    r.measuredArrivalEnds();
    var s = r.summary(new ObjectMapper(), "line", true);
    assertThat(s.at("/metrics/orders_created/values/count").asLong()).isEqualTo(2);
    assertThat(s.at("/metrics/order_errors{stage:measured}/values/rate").asDouble()).isEqualTo(0.5);
    assertThat(s.at("/metrics/order_duration{stage:measured}/values/p(50)").asDouble())
        .isEqualTo(15);
    assertThat(s.at("/generator/windowRequests").asLong()).isEqualTo(1);
    assertThat(s.at("/generator/requests").asLong()).isEqualTo(2);
    assertThat(s.at("/generator/windowCpuSeconds").asDouble()).isGreaterThanOrEqualTo(0);
  }
}
