package com.flashdeal.servicedefaults.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Background work that runs every {@code interval} (fixed delay: a slow pass never overlaps the
 * next) on a virtual thread of its own, from the context's start to its stop. A failed pass is
 * logged and retried at the next interval; it never ends the schedule.
 */
public abstract class PeriodicTask implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration interval;
  private ScheduledExecutorService timer;

  /**
   * @param name the thread's name and the subject of the warning a failed pass logs
   */
  protected PeriodicTask(String name, Duration interval) {
    this.name = name;
    this.interval = interval;
  }

  /** One pass. */
  protected abstract void runOnce();

  /** False when this configuration gives the task nothing to do: it is then never scheduled. */
  protected boolean enabled() {
    return true;
  }

  @Override
  public void start() {
    if (!enabled()) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(name).factory());
    long every = interval.toMillis();
    timer.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
  }

  private void pass() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      log.warn("{} failed; retrying in {}: {}", name, interval, e.toString());
    }
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }
}
