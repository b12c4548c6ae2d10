package com.flashdeal.harness.async;

import com.flashdeal.harness.HarnessException;
import com.flashdeal.harness.load.Arrival;
import com.flashdeal.harness.load.SaleFigures;
import com.flashdeal.harness.platform.Jdbc;
import com.flashdeal.harness.platform.Platform;
import com.flashdeal.harness.sql.AsyncSql;
import com.flashdeal.harness.sql.order.OutboxSql;
import com.flashdeal.harness.sql.product.DecisionsSql;
import com.flashdeal.servicecore.messaging.Topology;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Samples the asynchronous path every 250 ms while a sale runs — both outboxes (rows waiting, the
 * oldest one's age) through the services' own statements, and the queues' depth through the broker
 * — then reads the decision latencies order-service recorded. A sample that fails (the broker
 * restarting under a fault) is a gap in the timeline, not an error.
 */
public final class AsyncSampler implements AutoCloseable {
  private static final long PERIOD_MS = 250;

  private final JdbcClient orderDb;
  private final JdbcClient productDb;
  private final ConnectionFactory broker = new ConnectionFactory();
  private final List<AsyncFigures.Sample> samples = Collections.synchronizedList(new ArrayList<>());
  private final long t0 = System.currentTimeMillis();
  private final Thread thread;
  private volatile boolean running = true;
  private Connection connection;

  private AsyncSampler(Platform.Deployment d, String brokerUrl) {
    this.orderDb = Jdbc.client(d.databases().get("order"));
    this.productDb = Jdbc.client(d.databases().get("product"));
    try {
      broker.setUri(brokerUrl);
    } catch (Exception e) {
      throw new HarnessException("not a broker URL: " + brokerUrl, e);
    }
    broker.setAutomaticRecoveryEnabled(false);
    broker.setConnectionTimeout(1000);
    this.thread = Thread.ofPlatform().daemon().name("async-sampler").unstarted(this::loop);
  }

  public static AsyncSampler start(Platform.Deployment d, String brokerUrl) {
    AsyncSampler sampler = new AsyncSampler(d, brokerUrl);
    sampler.thread.start();
    return sampler;
  }

  private void loop() {
    while (running) {
      long next = System.currentTimeMillis() + PERIOD_MS;
      try {
        samples.add(sample());
      } catch (RuntimeException e) {
        closeConnection();
      }
      long wait = next - System.currentTimeMillis();
      if (wait > 0) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private AsyncFigures.Sample sample() {
    Map<String, Long> backlog = new LinkedHashMap<>();
    Map<String, Long> lag = new LinkedHashMap<>();
    Map<String, Object> orders = orderDb.sql(OutboxSql.OUTBOX_BACKLOG).query().singleRow();
    Map<String, Object> decisions =
        productDb.sql(DecisionsSql.DECISION_BACKLOG).query().singleRow();
    backlog.put("order-outbox", ((Number) orders.get("messages")).longValue());
    lag.put("order-outbox", ((Number) orders.get("oldest_age_millis")).longValue());
    backlog.put("decision-outbox", ((Number) decisions.get("messages")).longValue());
    lag.put("decision-outbox", ((Number) decisions.get("oldest_age_millis")).longValue());
    backlog.putAll(queueDepths());
    return new AsyncFigures.Sample((System.currentTimeMillis() - t0) / 1000.0, backlog, lag);
  }

  private Map<String, Long> queueDepths() {
    Map<String, Long> depths = new LinkedHashMap<>();
    try {
      if (connection == null || !connection.isOpen()) {
        connection = broker.newConnection("flashdeal-harness-sampler");
      }
      try (Channel ch = connection.createChannel()) {
        for (String queue : Topology.QUEUES) {
          depths.put(queue, (long) ch.queueDeclarePassive(queue).getMessageCount());
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("broker not reachable: " + e.getMessage(), e);
    }
    return depths;
  }

  /**
   * Stops sampling and sums the sale up; call after the oracle settled (every order decided).
   *
   * @param arrivals what the buyers saw (the 202s among them)
   */
  public AsyncFigures finish(long dealId, List<Arrival> arrivals) {
    close();
    List<Arrival> accepted = arrivals.stream().filter(Arrival::accepted).toList();
    List<Double> server =
        orderDb.sql(AsyncSql.DECISION_LATENCIES).param("dealId", dealId).query(Double.class).list();
    double drain =
        orderDb.sql(AsyncSql.DECISION_DRAIN).param("dealId", dealId).query(Double.class).single();
    Map<String, Long> maxBacklog = new LinkedHashMap<>();
    Map<String, Long> maxLag = new LinkedHashMap<>();
    List<AsyncFigures.Sample> timeline = List.copyOf(samples);
    for (AsyncFigures.Sample s : timeline) {
      s.backlog().forEach((k, v) -> maxBacklog.merge(k, v, Math::max));
      s.lagMs().forEach((k, v) -> maxLag.merge(k, v, Math::max));
    }
    long deadLetters;
    try (Connection c = broker.newConnection("flashdeal-harness-sampler");
        Channel ch = c.createChannel()) {
      deadLetters = ch.queueDeclarePassive(Topology.DEAD_LETTER_QUEUE).getMessageCount();
    } catch (Exception e) {
      deadLetters = -1;
    }
    return new AsyncFigures(
        spectrum(accepted.stream().mapToDouble(Arrival::orderMs).sorted().toArray()),
        spectrum(accepted.stream().mapToDouble(Arrival::decidedMs).sorted().toArray()),
        spectrum(server.stream().mapToDouble(Double::doubleValue).sorted().toArray()),
        drain,
        maxBacklog,
        maxLag,
        deadLetters,
        timeline);
  }

  private static Map<String, Double> spectrum(double[] sorted) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (sorted.length == 0) {
      return out;
    }
    for (double q : new double[] {0.5, 0.9, 0.99, 1.0}) {
      out.put(SaleFigures.label(q), SaleFigures.quantile(sorted, q));
    }
    return out;
  }

  private void closeConnection() {
    try {
      if (connection != null) {
        connection.abort(500);
      }
    } catch (RuntimeException ignored) {
      // a broken connection is replaced at the next sample
    }
    connection = null;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeConnection();
  }
}
