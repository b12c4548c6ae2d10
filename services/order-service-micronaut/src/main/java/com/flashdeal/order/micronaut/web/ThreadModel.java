package com.flashdeal.order.micronaut.web;

import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * JDBC blocks: it must never run on one of Netty's event-loop threads, which serve every connection
 * of the server (one blocked loop stalls them all). Controllers and the filter run on the blocking
 * executor ({@code @ExecuteOn(BLOCKING)}, virtual threads on JDK 21+); the stores check it, so a
 * route that forgets the annotation fails loudly (500, and the integration suite) instead of
 * quietly serialising the server behind the database.
 */
public final class ThreadModel {
  private ThreadModel() {}

  public static void requireBlockingThread() {
    if (Thread.currentThread() instanceof FastThreadLocalThread) {
      throw new IllegalStateException(
          "JDBC on the event loop thread " + Thread.currentThread().getName());
    }
  }
}
