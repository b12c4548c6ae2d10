package com.flashdeal.harness.metrics;

import com.flashdeal.harness.platform.Platform;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency from the services' Prometheus endpoints (as locally), CPU and memory from the kubelets'
 * resource metrics ({@code /metrics/resource} through the API server's node proxy): what a cluster
 * without SigNoz can tell about each container. CPU is the container's usage over the window;
 * memory is its working set at the end of the window (the kubelet keeps no peak).
 */
public final class KubeletMetricsSource implements MetricsSource {
  /** Containers named as the local platform names its processes (PostgreSQL's is postgres). */
  private static final Map<String, String> PROCESS_NAMES = Map.of("postgres", "postgresql");

  private static final Pattern SAMPLE =
      Pattern.compile(
          "^(container_cpu_usage_seconds_total|container_memory_working_set_bytes)\\{([^}]*)\\}\\s+(\\S+)",
          Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final MetricsSource latency;
  private final KubernetesClient client;
  private final Set<String> namespaces;

  public KubeletMetricsSource(
      MetricsSource latency, KubernetesClient client, Set<String> namespaces) {
    this.latency = latency;
    this.client = client;
    this.namespaces = namespaces;
  }

  private record Capture(Snapshot latency, Map<String, Usage> containers) implements Snapshot {}

  /** CPU seconds used so far and the current working set of one container (summed over pods). */
  record Usage(double cpuSeconds, double workingSetBytes) {
    Usage plus(Usage o) {
      return new Usage(cpuSeconds + o.cpuSeconds, workingSetBytes + o.workingSetBytes);
    }
  }

  @Override
  public Snapshot capture(Platform.Deployment deployment) {
    Map<String, Usage> containers = new LinkedHashMap<>();
    for (var node : client.nodes().list().getItems()) {
      String name = node.getMetadata().getName();
      try {
        parse(client.raw("/api/v1/nodes/" + name + "/proxy/metrics/resource"), namespaces)
            .forEach((c, u) -> containers.merge(c, u, Usage::plus));
      } catch (RuntimeException e) {
        System.err.println(
            "metrics: node " + name + "'s resource metrics unreadable (" + e.getMessage() + ")");
      }
    }
    return new Capture(latency.capture(deployment), containers);
  }

  @Override
  public Map<String, ServiceFigures> between(Snapshot before, Snapshot after) {
    Capture b = (Capture) before;
    Capture a = (Capture) after;
    Map<String, ServiceFigures> out = new LinkedHashMap<>(latency.between(b.latency, a.latency));
    a.containers.forEach(
        (container, now) -> {
          String process = PROCESS_NAMES.getOrDefault(container, container);
          Usage then = b.containers.get(container);
          double cpu = then == null ? -1 : now.cpuSeconds() - then.cpuSeconds();
          double mib = now.workingSetBytes() / (1024 * 1024);
          ServiceFigures f = out.get(process);
          if (f != null) {
            out.put(
                process,
                new ServiceFigures(
                    f.serverP99Ms(),
                    f.serverRequests(),
                    f.serverErrors(),
                    cpu,
                    mib,
                    f.cacheHitRatio()));
          } else if (process.equals("postgresql")) {
            out.put(process, new ServiceFigures(Double.NaN, 0, -1, cpu, mib));
          }
        });
    return out;
  }

  /** Per container name (in the given namespaces): its CPU seconds and working set, pods summed. */
  static Map<String, Usage> parse(String text, Set<String> namespaces) {
    Map<String, Usage> out = new LinkedHashMap<>();
    Matcher m = SAMPLE.matcher(text);
    while (m.find()) {
      Map<String, String> labels = new LinkedHashMap<>();
      Matcher l = LABEL.matcher(m.group(2));
      while (l.find()) {
        labels.put(l.group(1), l.group(2));
      }
      if (!namespaces.contains(labels.get("namespace")) || labels.get("container") == null) {
        continue;
      }
      double v = Double.parseDouble(m.group(3));
      Usage u =
          m.group(1).equals("container_cpu_usage_seconds_total")
              ? new Usage(v, 0)
              : new Usage(0, v);
      out.merge(labels.get("container"), u, Usage::plus);
    }
    return out;
  }
}
