package com.flashdeal.harness.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A setup call waits out a gateway that closes its first connections without an answer (a
 * port-forward to a pod just replaced), as it waits out a 503.
 */
class ApiTest {

  @Test
  void aConnectionClosedWithoutAnAnswerIsTriedAgain() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture.runAsync(
          () -> {
            try {
              while (true) {
                Socket s = server.accept();
                if (accepted.incrementAndGet() == 1) {
                  s.close(); // "header parser received no bytes"
                  continue;
                }
                var in =
                    new BufferedReader(
                        new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                int length = 0;
                for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                  if (l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(l.substring(15).strip());
                  }
                }
                in.skip(length);
                String body = "{\"ok\":true}";
                s.getOutputStream()
                    .write(
                        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.length()
                                + "\r\nConnection: close\r\n\r\n"
                                + body)
                            .getBytes(StandardCharsets.US_ASCII));
                s.close();
              }
            } catch (Exception e) {
              // the server socket closed at the end of the test
            }
          });
      Api api = new Api(URI.create("http://127.0.0.1:" + server.getLocalPort()));
      // A POST, as the login that failed: Java's client retries an idempotent GET once by itself.
      var body =
          api.expect(
              "POST",
              "/auth/login",
              null,
              java.util.Map.of("email", "a@b.c", "password", "x"),
              200);
      assertThat(body.path("ok").asBoolean()).isTrue();
      assertThat(accepted.get()).isGreaterThanOrEqualTo(2);
    }
  }
}
