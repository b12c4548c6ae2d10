package com.flashdeal.servicecore.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * One AMQP connection per service, opened on first use and recovered by the client after a broker
 * restart (connection, channels, consumers and the declared topology). Until the broker has been
 * reached once, {@link #channel()} throws and callers retry.
 */
public final class Broker implements AutoCloseable {
  private final ConnectionFactory factory = new ConnectionFactory();
  private final String clientName;
  private Connection connection;

  /**
   * @param uri {@code amqp://user:password@host:port/vhost} ({@code FLASHDEAL_RABBITMQ_URL})
   * @param clientName shown in the broker's connection list
   */
  public Broker(String uri, String clientName) {
    try {
      factory.setUri(uri);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "FLASHDEAL_RABBITMQ_URL is not an amqp:// URI: " + e.getMessage(), e);
    }
    this.clientName = clientName;
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(1000);
    factory.setRequestedHeartbeat(10);
    factory.setConnectionTimeout(3000);
    // Consumers run blocking JDBC in their callbacks: on virtual threads that costs no carrier.
    factory.setSharedExecutor(Executors.newVirtualThreadPerTaskExecutor());
  }

  /** A new channel, connecting (and declaring the topology) the first time. */
  public synchronized Channel channel() throws IOException {
    if (connection == null) {
      try {
        Connection opened = factory.newConnection(clientName);
        try (Channel setup = opened.createChannel()) {
          Topology.declare(setup);
        }
        connection = opened;
      } catch (TimeoutException e) {
        throw new IOException("RabbitMQ did not answer in time", e);
      }
    }
    return connection.createChannel();
  }

  /** Whether the connection is up right now (for health and the lab). */
  public synchronized boolean connected() {
    return connection != null && connection.isOpen();
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close(2000);
      } catch (IOException | RuntimeException e) {
        // closing on shutdown: nothing to do about a broken connection
      }
      connection = null;
    }
  }
}
