/**
 * Server-side and machine figures around a measured window: Prometheus scrapes and /proc locally
 * (services, PostgreSQL, Redis), SigNoz traces on Kubernetes, and the machine's outside load.
 */
package com.flashdeal.harness.metrics;
