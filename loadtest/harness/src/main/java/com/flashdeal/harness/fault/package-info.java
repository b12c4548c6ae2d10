/**
 * Faults injected during a sale ({@code bench run --fault kill:order-service@3s}): what to break,
 * when, and what the run saw while it was broken.
 */
package com.flashdeal.harness.fault;
