/**
 * Internal reservations for order-service: reserve units of a deal for an order (idempotent by
 * order id, enforcing the window, the per-user limit and the remaining quantity in one transaction)
 * and release them exactly once.
 */
package com.flashdeal.product.reservation;
