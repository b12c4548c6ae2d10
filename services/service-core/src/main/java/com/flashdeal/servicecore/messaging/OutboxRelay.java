package com.flashdeal.servicecore.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a service's outbox: a loop that drains committed rows in batches, with publisher
 * confirms. It polls when idle and is {@linkplain #nudge() nudged} right after a commit that wrote
 * a row, so a message normally leaves within a millisecond or two of its transaction.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final AMQP.BasicProperties PERSISTENT_JSON =
      new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build();

  private final Broker broker;
  private final Outbox outbox;
  private final String exchange;
  private final int batch;
  private final Duration idlePoll;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicLong published = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private Channel channel;

  /**
   * @param batch most messages per transaction (and per wait for confirms)
   * @param idlePoll how long to sleep when the outbox is empty and nobody nudges
   */
  public OutboxRelay(
      String name, Broker broker, Outbox outbox, String exchange, int batch, Duration idlePoll) {
    this.broker = broker;
    this.outbox = outbox;
    this.exchange = exchange;
    this.batch = batch;
    this.idlePoll = idlePoll;
    this.thread = Thread.ofPlatform().daemon().name("outbox-relay-" + name).unstarted(this::loop);
  }

  public OutboxRelay start() {
    thread.start();
    return this;
  }

  /** A row was committed: publish now rather than at the next poll. */
  public void nudge() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** Messages confirmed by the broker since start. */
  public long published() {
    return published.get();
  }

  private void loop() {
    long failures = 0;
    while (running) {
      try {
        int sent = outbox.drain(batch, this::publish);
        failures = 0;
        if (sent < batch) {
          wake.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // Broker or database away: the rows stay in the outbox and go out when both are back.
        if (failures++ % 20 == 0) {
          log.warn("outbox relay to {} failed, retrying: {}", exchange, e.toString());
        }
        dropChannel();
        sleep(Math.min(1000, 100 * failures));
      }
    }
  }

  private void publish(List<OutboxMessage> messages) throws Exception {
    Channel ch = channel();
    for (OutboxMessage m : messages) {
      ch.basicPublish(
          exchange,
          m.routingKey(),
          PERSISTENT_JSON.builder().messageId(m.messageId()).build(),
          m.body());
    }
    // Throws when any message was nacked or not confirmed in time: the transaction rolls back and
    // the whole batch goes again.
    ch.waitForConfirmsOrDie(10_000);
    published.addAndGet(messages.size());
  }

  private Channel channel() throws Exception {
    if (channel == null || !channel.isOpen()) {
      channel = broker.channel();
      channel.confirmSelect();
    }
    return channel;
  }

  private void dropChannel() {
    try {
      if (channel != null && channel.isOpen()) {
        channel.close();
      }
    } catch (Exception ignored) {
      // a broken channel is replaced anyway
    }
    channel = null;
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dropChannel();
  }
}
