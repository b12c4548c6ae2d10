/**
 * The knee: a doubling-then-bisecting search of open-model rates against an SLO, and pgbench as the
 * physical reference.
 */
package com.flashdeal.harness.capacity;
