/**
 * Phase 5 on Spring: the accepted orders' statements and outbox, the relay that publishes it, and
 * the consumer of product-service's stock decisions (only with {@code flashdeal.order.flow=async}).
 */
package com.flashdeal.order.accept;
