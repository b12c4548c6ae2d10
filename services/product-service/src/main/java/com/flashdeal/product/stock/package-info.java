/**
 * Stock strategies: how a reservation takes units from a deal, chosen by {@code
 * flashdeal.product.stock-strategy}. All run inside the reservation's database transaction and
 * share one contract ({@link com.flashdeal.product.stock.StockStrategy}); the Phase 3 Redis
 * strategies ({@code redis-lua}, {@code redis-lock}) plug in here as further implementations.
 */
package com.flashdeal.product.stock;
