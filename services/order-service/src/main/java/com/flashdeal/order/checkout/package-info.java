/**
 * Checkout: turning a hot-deal request into an order. Reserve stock at product-service, record the
 * order here, and compensate (release) whenever the order cannot be recorded after a reservation.
 */
package com.flashdeal.order.checkout;
