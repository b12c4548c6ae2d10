package com.flashdeal.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * What every Flash Deal simulation shares: settings from the environment, the seeded users, one
 * HTTP protocol (connections shared by the virtual users, as a fleet of buyers' keep-alive
 * connections would be; no warm-up call to the internet, no cache), the arrival counter that gives
 * each arrival its index, and the check that the generator kept the open model's schedule.
 */
public abstract class FlashDealSimulation extends Simulation {
  /** An arrival started more than this behind its schedule: the generator could not keep up. */
  static final long LATE_MS = 1000;

  protected final Env env = Env.system();
  protected final Recorder rec = Recorder.run();
  protected final List<Users.User> users = Users.read(Path.of(env.str("USERS_FILE", "users.json")));
  protected final String runId = env.str("RUN_ID", "run");
  protected final Duration timeout = Duration.ofSeconds(env.integer("REQUEST_TIMEOUT_SECONDS", 10));
  private final AtomicLong next = new AtomicLong();
  private volatile long firstArrivalMs = -1;

  protected HttpProtocolBuilder protocol() {
    return http.baseUrl(env.str("BASE_URL", "http://127.0.0.1:8080"))
        .shareConnections()
        .disableWarmUp()
        .disableCaching()
        .acceptHeader("application/json")
        .userAgentHeader("flashdeal-load/gatling");
  }

  /** The next arrival's index, in start order; counts it late when behind the schedule at rate. */
  protected long nextArrival(int rate, LongFunction<String> lateMetric) {
    long i = next.getAndIncrement();
    long now = System.currentTimeMillis();
    if (i == 0) {
      firstArrivalMs = now;
      // The harness times faults from this line (the JVM's own start is not the sale's).
      System.out.println("flashdeal-load: first arrival");
      System.out.flush();
    } else if (firstArrivalMs > 0 && now - (firstArrivalMs + i * 1000 / rate) > LATE_MS) {
      rec.count(lateMetric.apply(i));
    }
    return i;
  }

  /** The run's one-line result and whether the measurement itself is valid (set in after()). */
  protected abstract void finish();

  @Override
  public void after() {
    finish();
  }
}
