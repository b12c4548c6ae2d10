package com.flashdeal.servicedefaults.web;

import com.flashdeal.contract.common.model.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bulkhead in front of every endpoint but the actuator's: at most {@code maxConcurrent} requests
 * are served at once, in arrival order (a fair semaphore); a request that gets no slot within
 * {@code admissionWait} is answered 503 {@code OVERLOADED} with {@code Retry-After} at once and
 * nothing is done for it. Without it, a spike on virtual threads is all admitted, queues on the
 * database pool, and fails seconds later with 500s and half-done work (a reservation whose order
 * was never written).
 *
 * <p>It sits after the request id (so the 503 carries one) and before token verification (a shed
 * request costs no RS256 verify).
 */
public class AdmissionFilter extends OncePerRequestFilter {
  private final int maxConcurrent;
  private final Semaphore slots;
  private final long waitNanos;
  private final long retryAfterSeconds;
  private final AtomicLong shed = new AtomicLong();

  private final java.util.List<String> exempt;

  /**
   * @param exempt path prefixes never shed besides the actuator's: low-volume control traffic that
   *     must get through exactly when the public flood is shed (order-service's settlements: the
   *     reaper gives back stock only when they answer)
   */
  public AdmissionFilter(
      int maxConcurrent,
      Duration admissionWait,
      long retryAfterSeconds,
      java.util.List<String> exempt) {
    this.exempt = java.util.List.copyOf(exempt);
    this.maxConcurrent = maxConcurrent;
    this.slots = new Semaphore(maxConcurrent, true);
    this.waitNanos = admissionWait.toNanos();
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Requests answered 503 by this filter since start (exported as a metric). */
  public long shed() {
    return shed.get();
  }

  /** Requests being served now. */
  public int inFlight() {
    return maxConcurrent - slots.availablePermits();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Probes and scrapes must answer while the service is saturated, or the platform restarts a
    // busy pod and the lab loses its figures exactly when they matter.
    String path = request.getRequestURI();
    return path.startsWith("/actuator") || exempt.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean admitted;
    try {
      admitted = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      shed.incrementAndGet();
      response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
      ProblemResponses.write(
          request,
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          ErrorCode.OVERLOADED,
          "The service is at capacity and did nothing; retry in " + retryAfterSeconds + " s.");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      slots.release();
    }
  }
}
