/**
 * Phase 5's messaging, framework-neutral: the broker connection, the exchanges and queues both
 * services declare ({@link com.flashdeal.servicecore.messaging.Topology}), the transactional
 * outbox's relay (publisher confirms) and the redelivery-safe consumer (manual acks, poison
 * messages to the dead-letter queue). Plain AMQP 0-9-1 (RabbitMQ's Java client).
 */
package com.flashdeal.servicecore.messaging;
