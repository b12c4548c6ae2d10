package com.flashdeal.harness.load;

/**
 * How many VUs k6 needs for an open-model rate, by Little's law: arrivals in flight = rate x time
 * per arrival. Pre-allocating them keeps k6 from starting VUs in the measured window (which, on two
 * shared cores, made it drop most arrivals at 500/s); the maximum lets a stalling system pile up
 * in-flight arrivals, as real users would, until the request timeout.
 */
public final class Vus {
  private Vus() {}

  /**
   * @param expectedSeconds expected time per arrival when the system keeps up
   */
  public static int preAllocated(int rate, double expectedSeconds) {
    return Math.max(10, (int) Math.ceil(rate * expectedSeconds * 2) + 10);
  }

  /**
   * @param timeoutSeconds the request timeout: no arrival lives longer than about that
   */
  public static int max(int rate, int timeoutSeconds, int ceiling) {
    return Math.max(20, Math.min(ceiling, rate * Math.max(1, timeoutSeconds)));
  }
}
