package com.flashdeal.servicecore.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes a work queue with manual acks. A message is acked only after its handler returned (its
 * effect committed), so a consumer that dies mid-way leaves it to be redelivered; handlers are
 * idempotent by the message's subject (the order id), so a redelivery changes nothing twice.
 *
 * <ul>
 *   <li>{@link PoisonMessageException}: rejected without requeue, to the dead-letter queue, and
 *       counted ({@link #deadLettered()}).
 *   <li>Any other failure (database away, no pooled connection under overload, a bug): tried again
 *       in place with a growing pause (100 ms to 2 s) for up to {@link #RETRY_IN_PLACE}, holding
 *       the message (and, through the prefetch, the channel's flow: backpressure), then requeued.
 *       Only requeues count towards the quorum queue's delivery limit, so a message is
 *       dead-lettered after minutes of failing, not after a few seconds of overload (ten requeues
 *       200 ms apart took about 2 s; a sale at 160/s ended with 32 messages dead-lettered).
 * </ul>
 *
 * Each of its channels handles one message at a time (the client calls a channel's consumer
 * serially), so {@code channels} is the consumer's parallelism.
 */
public final class QueueConsumer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);

  /** How long a failing message is tried again before it is requeued. */
  static final Duration RETRY_IN_PLACE = Duration.ofSeconds(20);

  /** The work for one message; returns once its effect is committed. */
  @FunctionalInterface
  public interface Handler {
    void handle(String messageId, byte[] body) throws Exception;
  }

  private final Broker broker;
  private final String queue;
  private final int channels;
  private final int prefetch;
  private final Handler handler;
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final List<Channel> open = new ArrayList<>();
  private final Thread starter;
  private volatile boolean running = true;

  public QueueConsumer(Broker broker, String queue, int channels, int prefetch, Handler handler) {
    this.broker = broker;
    this.queue = queue;
    this.channels = channels;
    this.prefetch = prefetch;
    this.handler = handler;
    this.starter =
        Thread.ofPlatform().daemon().name("consumer-start-" + queue).unstarted(this::subscribe);
  }

  /**
   * Subscribes in the background, retrying until the broker is reached; from then on the client's
   * recovery re-subscribes after a broker restart.
   */
  public QueueConsumer start() {
    starter.start();
    return this;
  }

  private void subscribe() {
    long attempt = 0;
    while (running) {
      try {
        synchronized (open) {
          for (int i = open.size(); i < channels; i++) {
            Channel channel = broker.channel();
            channel.basicQos(prefetch);
            channel.basicConsume(queue, false, new Delivery(channel));
            open.add(channel);
          }
        }
        log.info("consuming {} on {} channel(s)", queue, channels);
        return;
      } catch (IOException | RuntimeException e) {
        if (attempt++ % 30 == 0) {
          log.warn("cannot consume {} yet, retrying: {}", queue, e.toString());
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private final class Delivery extends DefaultConsumer {
    Delivery(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(
        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
        throws IOException {
      long delivery = envelope.getDeliveryTag();
      long deadline = System.nanoTime() + RETRY_IN_PLACE.toNanos();
      long pause = 100;
      while (true) {
        try {
          handler.handle(properties.getMessageId(), body);
          getChannel().basicAck(delivery, false);
          handled.incrementAndGet();
          return;
        } catch (PoisonMessageException e) {
          log.error(
              "{}: dead-lettering message {}: {}",
              queue,
              properties.getMessageId(),
              e.getMessage());
          getChannel().basicReject(delivery, false);
          deadLettered.incrementAndGet();
          return;
        } catch (Exception e) {
          if (retried.getAndIncrement() % 50 == 0) {
            log.warn(
                "{}: message {} failed, trying again: {}",
                queue,
                properties.getMessageId(),
                e.toString());
          }
          if (!getChannel().isOpen()) {
            // The broker redelivers what this channel did not ack.
            return;
          }
          boolean giveUp = !running || System.nanoTime() + pause * 1_000_000 > deadline;
          // A pause before the next try: a database that is away is not hammered, and the
          // channel's other messages wait (backpressure) instead of failing in turn.
          try {
            Thread.sleep(pause);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            giveUp = true;
          }
          if (giveUp) {
            getChannel().basicNack(delivery, false, true);
            return;
          }
          pause = Math.min(pause * 2, 2000);
        }
      }
    }
  }

  /** Messages processed and acked. */
  public long handled() {
    return handled.get();
  }

  /** Messages this consumer sent to the dead-letter queue as poison. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** Failed tries (each tried again in place or requeued). */
  public long retried() {
    return retried.get();
  }

  @Override
  public void close() {
    running = false;
    starter.interrupt();
    synchronized (open) {
      for (Channel channel : open) {
        try {
          channel.close();
        } catch (Exception ignored) {
          // shutting down
        }
      }
      open.clear();
    }
  }
}
