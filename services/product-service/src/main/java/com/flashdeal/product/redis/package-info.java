/**
 * The one Redis client of product-service (pooled, short timeouts), shared by the read cache and
 * the Redis stock strategies, created only when one of them is configured.
 */
package com.flashdeal.product.redis;
