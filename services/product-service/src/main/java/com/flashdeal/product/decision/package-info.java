/**
 * Phase 5: product-service consumes accepted orders, reserves their units idempotently by order id,
 * and answers with a stock decision through its own outbox (only with {@code
 * flashdeal.product.order-flow=async}).
 */
package com.flashdeal.product.decision;
