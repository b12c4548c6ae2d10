/**
 * The client side of product-service's internal reservation API: the only way order-service touches
 * stock.
 */
package com.flashdeal.ordercore.stock;
