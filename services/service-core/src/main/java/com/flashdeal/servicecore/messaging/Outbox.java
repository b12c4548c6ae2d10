package com.flashdeal.servicecore.messaging;

import java.util.List;

/** A service's transactional outbox, as its relay sees it. */
public interface Outbox {

  /** Sends a batch and returns only when the broker has confirmed every message of it. */
  @FunctionalInterface
  interface Publisher {
    void publish(List<OutboxMessage> batch) throws Exception;
  }

  /**
   * In one transaction: locks up to {@code limit} unpublished messages, oldest first, skipping rows
   * another relay holds ({@code FOR UPDATE SKIP LOCKED}: several relays are safe), hands them to
   * {@code publisher} and marks them published. The transaction commits only when the publisher
   * returned, so every message is published at least once; a relay that dies between the broker's
   * confirm and the commit publishes it again, which consumers must (and do) take as a repeat.
   *
   * @return how many messages were published
   */
  int drain(int limit, Publisher publisher);

  /** Unpublished messages right now, and the age of the oldest in milliseconds (0 when none). */
  record Backlog(long messages, long oldestAgeMillis) {}

  Backlog backlog();
}
