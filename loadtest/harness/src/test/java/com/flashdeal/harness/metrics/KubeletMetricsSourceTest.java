package com.flashdeal.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KubeletMetricsSourceTest {
  /** The shape of a kubelet's /metrics/resource (v1.34), trimmed. */
  private static final String SAMPLE =
      """
      # HELP container_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the container in core-seconds
      # TYPE container_cpu_usage_seconds_total counter
      container_cpu_usage_seconds_total{container="order-service",namespace="flashdeal",pod="order-service-665dd9c95c-bq682"} 41.5 1796239391000
      container_cpu_usage_seconds_total{container="order-service",namespace="flashdeal",pod="order-service-665dd9c95c-x2"} 1.5 1796239391000
      container_cpu_usage_seconds_total{container="postgres",namespace="flashdeal-infra",pod="postgres-0"} 12.25 1796239391000
      container_cpu_usage_seconds_total{container="coredns",namespace="kube-system",pod="coredns-1"} 3 1796239391000
      # TYPE container_memory_working_set_bytes gauge
      container_memory_working_set_bytes{container="order-service",namespace="flashdeal",pod="order-service-665dd9c95c-bq682"} 3.3554432e+08 1796239391000
      node_cpu_usage_seconds_total 1234.5 1796239391000
      """;

  @Test
  void sumsEachContainerOverItsPodsInTheLabsNamespacesOnly() {
    var usage = KubeletMetricsSource.parse(SAMPLE, Set.of("flashdeal", "flashdeal-infra"));
    assertThat(usage).containsOnlyKeys("order-service", "postgres");
    assertThat(usage.get("order-service").cpuSeconds()).isEqualTo(43.0);
    assertThat(usage.get("order-service").workingSetBytes()).isEqualTo(335544320.0);
    assertThat(usage.get("postgres").cpuSeconds()).isEqualTo(12.25);
  }
}
