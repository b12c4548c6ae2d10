/**
 * Load generation: the k6 scenarios (sale, capacity, login), run as a local process or a Job, their
 * results, the per-arrival ledger and what a sale looked like from the client side.
 */
package com.flashdeal.harness.load;
