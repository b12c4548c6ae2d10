/** The index study: seeded volume, EXPLAIN (ANALYZE, BUFFERS) of the hot statements. */
package com.flashdeal.harness.explain;
