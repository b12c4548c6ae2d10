package com.flashdeal.servicecore.messaging;

/**
 * One row of a service's outbox, as the relay publishes it.
 *
 * @param id the row (the outbox's own key)
 * @param messageId the message's id at the broker, stable across re-publishes (consumers are
 *     idempotent by it anyway)
 * @param routingKey where the exchange routes it
 * @param body JSON
 */
public record OutboxMessage(long id, String messageId, String routingKey, byte[] body) {}
