/**
 * Load generation: the Gatling simulations of loadtest/gatling (sale, capacity, sold-out, login),
 * run as a local process or a Job, their results, the per-arrival ledger and what a sale looked
 * like from the client side.
 */
package com.flashdeal.harness.load;
