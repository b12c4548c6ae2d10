package com.flashdeal.servicedefaults.messaging;

import com.flashdeal.servicecore.messaging.Broker;
import com.flashdeal.servicecore.messaging.MessagingSettings;
import com.flashdeal.servicecore.messaging.Outbox;
import com.flashdeal.servicecore.messaging.OutboxRelay;
import com.flashdeal.servicecore.messaging.QueueConsumer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A service's relay and consumer, started with their metrics under the same names in every service
 * ({@code flashdeal.outbox.*}, {@code flashdeal.messages.*}), which the lab reads.
 */
public final class MessagingParts {
  private MessagingParts() {}

  /** Starts the relay of {@code outbox} to {@code exchange}. */
  public static OutboxRelay relay(
      String name,
      Broker broker,
      Outbox outbox,
      String exchange,
      MessagingSettings settings,
      MeterRegistry meters) {
    OutboxRelay relay =
        new OutboxRelay(
            name, broker, outbox, exchange, settings.relayBatch(), settings.relayPoll());
    FunctionCounter.builder("flashdeal.outbox.published", relay, OutboxRelay::published)
        .register(meters);
    Gauge.builder("flashdeal.outbox.backlog", outbox, o -> o.backlog().messages()).register(meters);
    Gauge.builder("flashdeal.outbox.lag.millis", outbox, o -> o.backlog().oldestAgeMillis())
        .register(meters);
    return relay.start();
  }

  /** Starts consuming {@code queue} with {@code handler}. */
  public static QueueConsumer consumer(
      Broker broker,
      String queue,
      MessagingSettings settings,
      QueueConsumer.Handler handler,
      MeterRegistry meters) {
    QueueConsumer consumer =
        new QueueConsumer(broker, queue, settings.consumers(), settings.prefetch(), handler);
    FunctionCounter.builder("flashdeal.messages.handled", consumer, QueueConsumer::handled)
        .tag("queue", queue)
        .register(meters);
    FunctionCounter.builder(
            "flashdeal.messages.dead.lettered", consumer, QueueConsumer::deadLettered)
        .tag("queue", queue)
        .register(meters);
    return consumer.start();
  }
}
