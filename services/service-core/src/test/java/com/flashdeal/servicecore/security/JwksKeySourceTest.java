package com.flashdeal.servicecore.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A service that started while auth-service could not be reached learns the keys as soon as
 * auth-service answers, not a whole refresh interval later.
 */
class JwksKeySourceTest {

  @Test
  void aFailedFetchIsTriedAgainSoonNotAfterTheWholeInterval() throws Exception {
    var kp = KeyPairGenerator.getInstance("RSA");
    kp.initialize(2048);
    RSAPublicKey pub = (RSAPublicKey) kp.generateKeyPair().getPublic();
    String jwks = "{\"keys\":[" + TestJwks.rsa(pub, "k1", "sig") + "]}";
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    MovableClock clock = new MovableClock(Instant.parse("2026-12-06T22:00:00Z"));
    JwksKeySource keys =
        new JwksKeySource(
            URI.create("http://127.0.0.1:" + port + "/jwks"),
            Duration.ofMinutes(10),
            Duration.ofSeconds(30),
            clock);
    // auth-service is not there yet (a rollout restarts everything at once).
    assertThat(keys.find("k1")).isEmpty();
    HttpServer auth = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    auth.createContext(
        "/jwks",
        ex -> {
          byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    auth.start();
    try {
      clock.now = clock.now.plusSeconds(2);
      assertThat(keys.find("k1")).as("2 s later, not 30 s later").isPresent();
    } finally {
      auth.stop(0);
    }
  }
}
