package com.flashdeal.servicecore.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A service that started while auth-service could not be reached learns the keys as soon as
 * auth-service answers, not a whole refresh interval later.
 */
class JwksKeySourceTest {

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-12-06T22:00:00Z"));

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }
  }

  @Test
  void aFailedFetchIsTriedAgainSoonNotAfterTheWholeInterval() throws Exception {
    var kp = KeyPairGenerator.getInstance("RSA");
    kp.initialize(2048);
    RSAPublicKey pub = (RSAPublicKey) kp.generateKeyPair().getPublic();
    String b64n =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(unsigned(pub.getModulus().toByteArray()));
    String b64e =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(unsigned(pub.getPublicExponent().toByteArray()));
    String jwks =
        "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"k1\",\"n\":\"%s\",\"e\":\"%s\"}]}"
            .formatted(b64n, b64e);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Moving clock = new Moving();
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
      clock.advance(Duration.ofSeconds(2));
      assertThat(keys.find("k1")).as("2 s later, not 30 s later").isPresent();
    } finally {
      auth.stop(0);
    }
  }

  private static byte[] unsigned(byte[] b) {
    return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }
}
