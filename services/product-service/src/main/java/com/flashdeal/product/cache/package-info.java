/**
 * Cache-aside reads in Redis (variant {@code phase3-cache}): deals by id, the active-deal pages and
 * products by id, each with a time to live and evicted on the writes that change them. Redis is an
 * optimisation here: when it fails, reads go to PostgreSQL and the failure is counted.
 */
package com.flashdeal.product.cache;
