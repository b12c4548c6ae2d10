/**
 * Orders as stored and as the contract shows them to their owner: the read endpoints and the
 * repository. Placing an order is {@code checkout}'s.
 */
package com.flashdeal.order.orders;
