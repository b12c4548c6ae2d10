/**
 * Orders as stored and as the contract shows them to their owner: read endpoints and the
 * repository.
 */
package com.flashdeal.order.orders;
