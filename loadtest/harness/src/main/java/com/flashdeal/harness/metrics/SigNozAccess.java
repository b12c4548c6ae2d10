package com.flashdeal.harness.metrics;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.platform.kubernetes.KubernetesSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.URI;

/**
 * The SigNoz API for one run: FLASHDEAL_SIGNOZ_URL when set, else a port-forward to the SigNoz
 * service in the cluster (closed with the run).
 */
public final class SigNozAccess implements AutoCloseable {
  private final LocalPortForward forward;
  private final SigNozMetricsSource metrics;

  private SigNozAccess(LocalPortForward forward, SigNozMetricsSource metrics) {
    this.forward = forward;
    this.metrics = metrics;
  }

  public static SigNozAccess open(KubernetesClient client, KubernetesSettings s) {
    if (s.signozUrl().isPresent()) {
      return new SigNozAccess(
          null,
          new SigNozMetricsSource(s.signozUrl().get(), s.signozApiKey(), s.signozIngestDelay()));
    }
    if (client.services().inNamespace(s.signozNamespace()).withName(s.signozService()).get()
        == null) {
      throw new HarnessException(
          "no SigNoz service "
              + s.signozNamespace()
              + "/"
              + s.signozService()
              + " (make kind-up installs it; or set FLASHDEAL_SIGNOZ_URL)");
    }
    LocalPortForward f =
        client
            .services()
            .inNamespace(s.signozNamespace())
            .withName(s.signozService())
            .portForward(s.signozPort());
    return new SigNozAccess(
        f,
        new SigNozMetricsSource(
            URI.create("http://127.0.0.1:" + f.getLocalPort()),
            s.signozApiKey(),
            s.signozIngestDelay()));
  }

  public SigNozMetricsSource metrics() {
    return metrics;
  }

  @Override
  public void close() throws IOException {
    if (forward != null) {
      forward.close();
    }
  }
}
