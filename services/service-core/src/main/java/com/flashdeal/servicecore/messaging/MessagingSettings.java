package com.flashdeal.servicecore.messaging;

import java.time.Duration;

/**
 * How a service talks to the broker (the same names in every service and stack).
 *
 * @param url {@code FLASHDEAL_RABBITMQ_URL}
 * @param consumers channels consuming the service's work queue, i.e. messages handled at once
 * @param prefetch unacknowledged messages the broker hands each channel ahead
 * @param relayBatch most outbox rows per relay transaction (and per wait for confirms)
 * @param relayPoll how often an idle relay looks at the outbox without being nudged (rows written
 *     by another instance of the service)
 */
public record MessagingSettings(
    String url, int consumers, int prefetch, int relayBatch, Duration relayPoll) {
  public MessagingSettings {
    if (consumers < 1 || prefetch < 1 || relayBatch < 1) {
      throw new IllegalArgumentException("consumers, prefetch and relay batch must be >= 1");
    }
  }
}
