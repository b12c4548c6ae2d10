package com.flashdeal.servicedefaults.warmup;

import com.flashdeal.servicedefaults.security.SecurityProperties;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;

/**
 * Ready means warm. Spring Boot reports a service ready (readiness ACCEPTING_TRAFFIC, so the
 * launcher and Kubernetes send it traffic) only after its application runners have returned, and
 * its web server listens before they run. This runner, the last of them, sends the service's hot
 * paths ({@link WarmUpPlan}) to itself over loopback in batches, reading the process's CPU per call
 * after each, until that cost has settled ({@link Settling}: the JIT has compiled what a buyer's
 * request runs) or {@code max-duration} has passed. Measured on a sale started right after the
 * services came up, a cold JVM answered its first buyers 16-30 times slower than a warm one.
 *
 * <p>The calls carry tokens signed by a key of this process ({@link WarmUpKey}), trusted only while
 * the warm-up runs, and ask for a deal that does not exist ({@link #DEAL}), so that nothing is
 * written anywhere.
 */
public final class WarmUp implements ApplicationRunner, Ordered {
  /** The deal every warm-up call asks for: no deal has this id (ids come from a sequence). */
  public static final long DEAL = Long.MAX_VALUE;

  /** A fresh buyer (and token) every this many calls, so token verification is warmed too. */
  static final int CALLS_PER_BUYER = 20;

  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
  private static final Duration TOKEN_TTL = Duration.ofMinutes(5);

  private final WarmUpProperties properties;
  private final List<WarmUpPlan> plans;
  private final WarmUpKey key;
  private final SecurityProperties security;
  private final int internalPort;
  private final String host;
  private final ApplicationContext context;

  public WarmUp(
      WarmUpProperties properties,
      List<WarmUpPlan> plans,
      WarmUpKey key,
      SecurityProperties security,
      int internalPort,
      String host,
      ApplicationContext context) {
    this.properties = properties;
    this.plans = plans;
    this.key = key;
    this.security = security;
    this.internalPort = internalPort;
    this.host = host;
    this.context = context;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<WarmUpCall> calls = plans.stream().flatMap(p -> p.calls().stream()).toList();
    if (!properties.enabled()
        || calls.isEmpty()
        || !(context instanceof WebServerApplicationContext web)
        || web.getWebServer() == null) {
      return;
    }
    int port = web.getWebServer().getPort();
    log.info(
        "warm-up: started, {} hot paths, until the JIT has compiled them (at least {} calls, at"
            + " most {} s); ready after it",
        calls.size(),
        properties.minCalls(),
        properties.maxDuration().toSeconds());
    long t0 = System.nanoTime();
    key.open();
    plans.forEach(WarmUpPlan::before);
    Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
    Settling settling =
        new Settling(
            (properties.minCalls() + properties.batch() - 1) / properties.batch(),
            properties.jitShare());
    String stopped = "settled";
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            properties.concurrency(), Thread.ofPlatform().name("warm-up-", 0).daemon().factory());
    try {
      List<WorkerCaller> callers = new ArrayList<>();
      for (int w = 0; w < properties.concurrency(); w++) {
        callers.add(new WorkerCaller(port));
      }
      long deadline = t0 + properties.maxDuration().toNanos();
      while (!settling.settled()) {
        if (System.nanoTime() >= deadline) {
          stopped = "stopped at max-duration with the JIT still compiling";
          break;
        }
        long cpu0 = processCpuNanos();
        long jit0 = jit.getTotalCompilationTime();
        long wall0 = System.nanoTime();
        long answered0 = answered(answers);
        List<Future<?>> batch = new ArrayList<>();
        int perWorker = Math.max(1, properties.batch() / properties.concurrency());
        for (WorkerCaller caller : callers) {
          batch.add(
              workers.submit(
                  () -> {
                    for (int i = 0; i < perWorker; i++) {
                      WarmUpCall call = calls.get((int) (caller.next() % calls.size()));
                      answers
                          .computeIfAbsent(send(http, call, caller), s -> new LongAdder())
                          .increment();
                    }
                  }));
        }
        for (Future<?> f : batch) {
          f.get();
        }
        long calledNow = (long) perWorker * callers.size();
        settling.add(
            (processCpuNanos() - cpu0) / 1e6 / calledNow,
            jit.getTotalCompilationTime() - jit0,
            (System.nanoTime() - wall0) / 1_000_000);
        if (answered(answers) == answered0) {
          stopped = "stopped: no call was answered (see the errors above)";
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = "interrupted";
    } catch (ExecutionException e) {
      log.warn("warm-up: a call failed; ready without it", e.getCause());
      stopped = "failed";
    } finally {
      workers.shutdownNow();
      plans.forEach(WarmUpPlan::after);
      key.close();
    }
    log.info(
        "warm-up: done in {} s, {} batches of {} calls, {}; CPU ms per call by batch: {}; answers"
            + " {}",
        "%.1f".formatted((System.nanoTime() - t0) / 1e9),
        settling.batches(),
        properties.batch(),
        stopped,
        settling.series(),
        new TreeMap<>(answers)
            .entrySet().stream()
                .map(e -> (e.getKey() == 0 ? "no answer" : e.getKey()) + "x" + e.getValue().sum())
                .collect(Collectors.joining(", ")));
  }

  private static long answered(Map<Integer, LongAdder> answers) {
    return answers.entrySet().stream()
        .filter(e -> e.getKey() != 0)
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  /** The status of one call; 0 when it got no answer. */
  private static int send(HttpClient http, WarmUpCall call, WarmUpCall.Caller caller) {
    try {
      return http.send(call.request(caller), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      log.debug("warm-up: no answer", e);
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : System.nanoTime();
  }

  /**
   * One worker's caller (used by that worker's thread only): a new buyer every {@link
   * #CALLS_PER_BUYER} of its calls.
   */
  private final class WorkerCaller implements WarmUpCall.Caller {
    private final int port;
    private final Map<String, String> serviceTokens = new HashMap<>();
    private long made;
    private UUID user;
    private String userToken;

    WorkerCaller(int port) {
      this.port = port;
    }

    /** Moves on to this worker's next call; returns its sequence number. */
    long next() {
      if (made % CALLS_PER_BUYER == 0) {
        user = UUID.randomUUID();
        userToken = null;
      }
      return made++;
    }

    @Override
    public URI publicUri(String path) {
      return URI.create("http://" + host + ":" + port + path);
    }

    @Override
    public URI internalUri(String path) {
      return URI.create("http://" + host + ":" + (internalPort > 0 ? internalPort : port) + path);
    }

    @Override
    public UUID userId() {
      return user;
    }

    @Override
    public String userToken() {
      if (userToken == null) {
        userToken =
            key.token(
                user, List.of("USER"), null, security.issuer(), security.audience(), TOKEN_TTL);
      }
      return userToken;
    }

    @Override
    public String serviceToken(String clientId) {
      return serviceTokens.computeIfAbsent(
          clientId,
          c ->
              key.token(
                  com.flashdeal.servicecore.security.VerifiedUser.serviceSubject(c),
                  List.of(com.flashdeal.servicecore.security.VerifiedUser.SERVICE_ROLE),
                  c,
                  security.issuer(),
                  security.audience(),
                  TOKEN_TTL));
    }
  }
}
