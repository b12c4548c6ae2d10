/**
 * Checkout: the contract's {@code createOrder}, turning a hot-deal request into an order. Reserve
 * stock at product-service, record the order here, and compensate (release) whenever the order
 * cannot be recorded after a reservation. Depends on {@code orders} (where orders are stored),
 * never the other way round.
 */
package com.flashdeal.order.checkout;
