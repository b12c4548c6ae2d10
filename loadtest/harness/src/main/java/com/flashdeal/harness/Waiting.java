package com.flashdeal.harness;

import java.time.Duration;

/** The harness's one way to pause: an interrupt ends the run with a HarnessException. */
public final class Waiting {
  private Waiting() {}

  public static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted");
    }
  }
}
