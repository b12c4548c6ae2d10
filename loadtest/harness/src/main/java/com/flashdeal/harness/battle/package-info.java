/**
 * Phase 4's battle: the same order path on two stacks (Spring Boot and Micronaut), side by side on
 * the figures that decide between them — knee, p99 at fixed rates, CPU per order, memory, start to
 * first order, artifact size — each with a verdict and its confidence.
 */
package com.flashdeal.harness.battle;
