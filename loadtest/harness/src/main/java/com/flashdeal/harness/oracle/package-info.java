/**
 * The oracle: every unit sold exactly once, judged from what the client saw and the services' own
 * data. Any violation fails the run.
 */
package com.flashdeal.harness.oracle;
