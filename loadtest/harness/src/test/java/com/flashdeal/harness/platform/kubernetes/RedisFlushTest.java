package com.flashdeal.harness.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The reset's FLUSHALL against a Redis that requires a password (the clusters' Redis): AUTH goes
 * first, and a refusal is an error. A fake server on loopback speaks the few RESP lines involved.
 */
class RedisFlushTest {

  /** Answers +OK to AUTH with the right password and, once authenticated, to FLUSHALL. */
  private static CompletableFuture<List<String>> fakeRedis(ServerSocket server, String password) {
    return CompletableFuture.supplyAsync(
        () -> {
          List<String> commands = new ArrayList<>();
          try (Socket s = server.accept();
              var in =
                  new BufferedReader(
                      new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = s.getOutputStream();
            boolean authed = password == null;
            for (int i = 0; i < 2; i++) {
              String header = in.readLine();
              if (header == null) {
                break;
              }
              int args = Integer.parseInt(header.substring(1));
              List<String> parts = new ArrayList<>();
              for (int a = 0; a < args; a++) {
                in.readLine();
                parts.add(in.readLine());
              }
              commands.add(String.join(" ", parts));
              String reply;
              if (parts.getFirst().equals("AUTH")) {
                authed = parts.get(1).equals(password);
                reply = authed ? "+OK" : "-WRONGPASS invalid username-password pair";
              } else {
                reply = authed ? "+OK" : "-NOAUTH Authentication required.";
              }
              out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
              out.flush();
            }
          } catch (Exception e) {
            commands.add("error: " + e);
          }
          return commands;
        });
  }

  @Test
  void authenticatesBeforeFlushing() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      var seen = fakeRedis(server, "s3cret");
      KubernetesPlatform.flushRedis(server.getLocalPort(), "s3cret");
      assertThat(seen.get()).containsExactly("AUTH s3cret", "FLUSHALL");
    }
  }

  @Test
  void withoutThePasswordTheFlushIsRefusedAndSaysSo() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      fakeRedis(server, "s3cret");
      assertThatThrownBy(() -> KubernetesPlatform.flushRedis(server.getLocalPort(), null))
          .hasMessageContaining("FLUSHALL answered '-NOAUTH");
    }
  }

  @Test
  void aWrongPasswordIsAnError() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      fakeRedis(server, "s3cret");
      assertThatThrownBy(() -> KubernetesPlatform.flushRedis(server.getLocalPort(), "nope"))
          .hasMessageContaining("AUTH answered '-WRONGPASS");
    }
  }
}
