/**
 * The cost scenario: CPU milliseconds per answer of every process at steady state, the figure
 * variants are ranked by.
 */
package com.flashdeal.harness.cost;
