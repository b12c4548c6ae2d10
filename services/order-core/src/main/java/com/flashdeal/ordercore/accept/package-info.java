/**
 * The asynchronous order path (Phase 5): an order is accepted (202 PENDING) with its outbox row in
 * one statement, product-service decides on its units from the queue, and the decision comes back
 * as a message that is applied once.
 */
package com.flashdeal.ordercore.accept;
