/**
 * Settlements: the final answer to "did this order id become an order?", asked by product-service's
 * reservation reaper before it gives units back (design: docs/no-leaked-stock.md).
 */
package com.flashdeal.ordercore.settlement;
