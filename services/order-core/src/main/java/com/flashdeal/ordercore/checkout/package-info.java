/**
 * Placing an order: reserve at product-service, write the order and its settlement, compensate
 * where the outcome is known. Shared by both order-service stacks, so the Phase 4 comparison
 * changes nothing but the stack.
 */
package com.flashdeal.ordercore.checkout;
