package com.flashdeal.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  private static String scrape(double b10ms, double b100ms, double inf, double actuator) {
    return """
        # HELP http_server_requests_seconds
        http_server_requests_seconds_bucket{method="POST",outcome="SUCCESS",status="201",uri="/orders",le="0.01"} %s
        http_server_requests_seconds_bucket{method="POST",outcome="SUCCESS",status="201",uri="/orders",le="0.1"} %s
        http_server_requests_seconds_bucket{method="POST",outcome="SUCCESS",status="201",uri="/orders",le="+Inf"} %s
        http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus",le="+Inf"} %s
        http_server_requests_seconds_count{uri="/orders"} %s
        """
        .formatted(b10ms, b100ms, inf, actuator, inf);
  }

  @Test
  void theWindowIsTheDifferenceOfTwoScrapesWithoutTheScrapesThemselves() {
    LatencyHistogram before = LatencyHistogram.parse(scrape(10, 10, 10, 5));
    LatencyHistogram after = LatencyHistogram.parse(scrape(60, 109, 110, 50));
    LatencyHistogram window = after.minus(before);
    assertThat(window.count()).isEqualTo(100);
    // 50 requests under 10 ms, 49 between 10 and 100 ms, 1 slower: p50 is at the first bucket's
    // edge.
    assertThat(window.quantileMs(0.50)).isCloseTo(10.0, within(0.01));
    // rank 99 is the last of the 49 in (10, 100]: interpolates to the bucket's top.
    assertThat(window.quantileMs(0.99)).isCloseTo(100.0, within(0.01));
    // beyond the last finite bucket, report that bucket's bound (as Prometheus does)
    assertThat(window.quantileMs(0.999)).isCloseTo(100.0, within(0.01));
  }

  @Test
  void anEmptyWindowHasNoQuantile() {
    LatencyHistogram h = LatencyHistogram.parse(scrape(1, 1, 1, 0));
    assertThat(h.minus(h).quantileMs(0.99)).isNaN();
  }
}
