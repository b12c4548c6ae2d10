/**
 * The Kubernetes platform: charts installed with helm-java, rollout waits with fail-fast reasons,
 * port-forwards; works on any cluster that has the add-ons of {@code make kind-up}.
 */
package com.flashdeal.harness.platform.kubernetes;
