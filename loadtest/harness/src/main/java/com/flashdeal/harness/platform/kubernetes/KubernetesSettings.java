package com.flashdeal.harness.platform.kubernetes;

import com.flashdeal.harness.HarnessException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Kubernetes platform finds things, from FLASHDEAL_K8S_* / FLASHDEAL_SIGNOZ_* variables;
 * the defaults match `make kind-up` (namespaces, release name, SigNoz install).
 *
 * @param namespace where the flashdeal release and the load Jobs live
 * @param infraNamespace where PostgreSQL and Redis run (k8s/)
 * @param release Helm release name of the umbrella chart
 * @param loadImage image of the load Job (the Gatling generator on the project's JVM image)
 * @param rolloutTimeout how long install, rollout, uninstall may take
 * @param signozUrl SigNoz's API; empty = port-forward to signozService in signozNamespace
 * @param signozApiKey SIGNOZ-API-KEY header; empty for a SigNoz in impersonation mode (the lab's)
 * @param signozIngestDelay spans arrive in batches: wait this long after the window before asking
 * @param extraValues a values file layered after the variant's (the local cluster's differences
 *     from kind: tools/cluster/flashdeal-values.yaml); empty = none
 * @param serverFigures where the server-side figures come from: {@code signoz} (traces, kind) or
 *     {@code prometheus} (each service's /actuator/prometheus through a port-forward, for clusters
 *     without SigNoz)
 */
public record KubernetesSettings(
    String namespace,
    String infraNamespace,
    String release,
    String loadImage,
    Duration rolloutTimeout,
    Optional<URI> signozUrl,
    String signozNamespace,
    String signozService,
    int signozPort,
    String signozApiKey,
    Duration signozIngestDelay,
    Optional<Path> extraValues,
    String serverFigures) {

  public static final String SIGNOZ = "signoz";
  public static final String PROMETHEUS = "prometheus";

  public static KubernetesSettings fromEnvironment() {
    return from(System.getenv());
  }

  public static KubernetesSettings from(Map<String, String> env) {
    return new KubernetesSettings(
        env.getOrDefault("FLASHDEAL_K8S_NAMESPACE", "flashdeal"),
        env.getOrDefault("FLASHDEAL_K8S_INFRA_NAMESPACE", "flashdeal-infra"),
        env.getOrDefault("FLASHDEAL_K8S_RELEASE", "flashdeal"),
        env.getOrDefault("FLASHDEAL_K8S_LOAD_IMAGE", "flashdeal/load-gatling:dev"),
        Duration.ofSeconds(positive(env, "FLASHDEAL_K8S_ROLLOUT_TIMEOUT_SECONDS", 600)),
        Optional.ofNullable(env.get("FLASHDEAL_SIGNOZ_URL"))
            .filter(s -> !s.isBlank())
            .map(URI::create),
        env.getOrDefault("FLASHDEAL_SIGNOZ_NAMESPACE", "signoz"),
        env.getOrDefault("FLASHDEAL_SIGNOZ_SERVICE", "signoz"),
        positive(env, "FLASHDEAL_SIGNOZ_PORT", 8080),
        env.getOrDefault("FLASHDEAL_SIGNOZ_API_KEY", ""),
        Duration.ofSeconds(positive(env, "FLASHDEAL_SIGNOZ_INGEST_DELAY_SECONDS", 20)),
        Optional.ofNullable(env.get("FLASHDEAL_K8S_EXTRA_VALUES"))
            .filter(s -> !s.isBlank())
            .map(Path::of),
        serverFigures(env.getOrDefault("FLASHDEAL_K8S_SERVER_FIGURES", SIGNOZ)));
  }

  private static String serverFigures(String value) {
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (!v.equals(SIGNOZ) && !v.equals(PROMETHEUS)) {
      throw new HarnessException(
          "FLASHDEAL_K8S_SERVER_FIGURES must be signoz or prometheus, not '" + value + "'");
    }
    return v;
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new HarnessException(
          name + " must be a whole number of seconds or a port, not '" + v + "'");
    }
  }
}
