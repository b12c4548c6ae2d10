/**
 * Setting the scene outside measured windows, through the public API only: the user pool with real
 * tokens, and the hot deals.
 */
package com.flashdeal.harness.seed;
