/**
 * Where a variant runs ({@link com.flashdeal.harness.platform.Platform}) and the harness's own
 * database access (state reset between sales, JdbcClient on sqlgen constants).
 */
package com.flashdeal.harness.platform;
