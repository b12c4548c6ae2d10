package com.flashdeal.servicecore.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bulkhead in front of every endpoint but the probes and scrapes: at most {@code maxConcurrent}
 * requests are served at once, in arrival order (a fair semaphore); a request that gets no slot
 * within {@code admissionWait} is to be answered 503 {@code OVERLOADED} with {@code Retry-After} at
 * once, and nothing is done for it. Without it, a spike on virtual threads is all admitted, queues
 * on the database pool, and fails seconds later with 500s and half-done work (a reservation whose
 * order was never written). Each stack's filter calls {@link #enter()} and {@link #leave()}.
 */
public final class Admission {
  private final int maxConcurrent;
  private final Semaphore slots;
  private final long waitNanos;
  private final long retryAfterSeconds;
  private final List<String> exempt;
  private final AtomicLong shed = new AtomicLong();

  /**
   * @param exempt path prefixes never shed besides the probes': low-volume control traffic that
   *     must get through exactly when the public flood is shed (order-service's settlements: the
   *     reaper gives back stock only when they answer)
   */
  public Admission(
      int maxConcurrent, Duration admissionWait, long retryAfterSeconds, List<String> exempt) {
    this.maxConcurrent = maxConcurrent;
    this.slots = new Semaphore(maxConcurrent, true);
    this.waitNanos = admissionWait.toNanos();
    this.retryAfterSeconds = retryAfterSeconds;
    this.exempt = List.copyOf(exempt);
  }

  /**
   * Whether this path bypasses the bulkhead: probes and scrapes must answer while the service is
   * saturated, or the platform restarts a busy pod and the lab loses its figures exactly when they
   * matter.
   */
  public boolean exempt(String path) {
    return path.startsWith("/actuator") || exempt.stream().anyMatch(path::startsWith);
  }

  /** Waits up to the admission wait for a slot; false (counted as shed) when none came. */
  public boolean enter() {
    boolean admitted;
    try {
      admitted = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      shed.incrementAndGet();
    }
    return admitted;
  }

  /** Gives back the slot of an admitted request. */
  public void leave() {
    slots.release();
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The detail of the 503 a shed request gets. */
  public String shedDetail() {
    return "The service is at capacity and did nothing; retry in " + retryAfterSeconds + " s.";
  }

  /** Requests shed since start (exported as a metric). */
  public long shed() {
    return shed.get();
  }

  /** Requests being served now. */
  public int inFlight() {
    return maxConcurrent - slots.availablePermits();
  }
}
