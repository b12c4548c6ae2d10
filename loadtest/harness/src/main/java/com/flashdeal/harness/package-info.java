/**
 * The benchmark harness: for each variant and repeat, reset → deploy → seed → k6 → collect → oracle
 * → stop, then a report. {@link com.flashdeal.harness.Platform} (local now, Kubernetes next) and
 * {@link com.flashdeal.harness.MetricsSource} (local scrapes now, SigNoz next) are the seams.
 */
package com.flashdeal.harness;
