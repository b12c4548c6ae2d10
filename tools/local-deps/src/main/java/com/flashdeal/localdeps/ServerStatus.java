package com.flashdeal.localdeps;

/**
 * What {@code deps status} shows for one server.
 *
 * @param name {@code postgres}, {@code redis} or {@code rabbitmq}
 * @param running whether our server answers on its port
 * @param port its port
 * @param origin where its binaries come from, or why it is not running
 */
public record ServerStatus(String name, boolean running, int port, String origin) {
  @Override
  public String toString() {
    return "%-8s %-8s 127.0.0.1:%d  %s"
        .formatted(name, running ? "running" : "stopped", port, origin);
  }
}
