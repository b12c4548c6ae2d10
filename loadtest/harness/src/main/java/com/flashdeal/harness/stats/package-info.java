/**
 * Verdicts with confidence: Mann-Whitney U and a bootstrap interval of the ratio of medians, over
 * per-repeat values.
 */
package com.flashdeal.harness.stats;
