package com.flashdeal.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalMetricsSourceTest {
  @Test
  void cacheReadsAreHitsAndAllReadsFromTheServicesCounters() {
    String prometheus =
        """
        # HELP flashdeal_cache_reads_total
        # TYPE flashdeal_cache_reads_total counter
        flashdeal_cache_reads_total{application="product-service",result="error"} 1.0
        flashdeal_cache_reads_total{application="product-service",result="hit"} 30.0
        flashdeal_cache_reads_total{application="product-service",result="miss"} 9.0
        flashdeal_redis_errors_total{op="read"} 1.0
        """;
    assertThat(LocalMetricsSource.cacheReads(prometheus)).containsExactly(30.0, 40.0);
  }

  @Test
  void aServiceWithoutACacheHasNoReads() {
    assertThat(LocalMetricsSource.cacheReads("http_server_requests_seconds_count 5.0\n"))
        .containsExactly(0.0, 0.0);
  }
}
