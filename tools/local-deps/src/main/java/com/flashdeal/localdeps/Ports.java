package com.flashdeal.localdeps;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

final class Ports {
  private Ports() {}

  /** Whether something accepts connections on host:port right now. */
  static boolean inUse(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
