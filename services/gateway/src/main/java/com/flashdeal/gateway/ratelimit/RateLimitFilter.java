package com.flashdeal.gateway.ratelimit;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.gateway.EdgeIdentity;
import com.flashdeal.gateway.ProblemWriter;
import com.flashdeal.servicecore.security.VerifiedUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits the two floods a flash sale draws at the edge, after the identity check (so the user is
 * known and verified):
 *
 * <ul>
 *   <li>{@code POST /orders}: per user and for everyone (the deal's stampede, a bot's loop);
 *   <li>{@code POST /auth/login}: per account (brute force on one account, from anywhere) and per
 *       client address (one source trying many accounts) — every attempt costs auth-service an
 *       Argon2id hash, so an unthrottled login is also a way to starve it.
 * </ul>
 *
 * A refusal is 429 problem+json {@code RATE_LIMITED} with {@code Retry-After}; every limited answer
 * carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (IETF
 * httpapi draft) for the tightest bucket. The client address is the TCP peer: forwarded headers are
 * not trusted here.
 */
public final class RateLimitFilter implements WebFilter, Ordered {
  /** After IdentityFilter (HIGHEST_PRECEDENCE + 10), which records the verified user. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

  private static final int MAX_LOGIN_BODY = 16 * 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TokenBuckets buckets;
  private final RateLimitProperties limits;
  private final MeterRegistry meters;

  public RateLimitFilter(TokenBuckets buckets, RateLimitProperties limits, MeterRegistry meters) {
    this.buckets = buckets;
    this.limits = limits;
    this.meters = meters;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (request.getMethod() != HttpMethod.POST) {
      return chain.filter(exchange);
    }
    String path = request.getPath().pathWithinApplication().value();
    if (path.equals("/orders")) {
      VerifiedUser verified = EdgeIdentity.of(exchange).orElse(null);
      if (verified == null) {
        return chain.filter(exchange); // unauthenticated: IdentityFilter answered already
      }
      String user = verified.id().toString();
      return limited(
          exchange,
          chain,
          List.of(
              new Bucket("order-user", "rl:order:user:" + user, limits.orderPerUser()),
              new Bucket("order-global", "rl:order:global", limits.orderGlobal())));
    }
    if (path.equals("/auth/login")) {
      return login(exchange, chain);
    }
    return chain.filter(exchange);
  }

  /** Reads the (small) login body for its e-mail, then hands the same bytes on. */
  private Mono<Void> login(ServerWebExchange exchange, WebFilterChain chain) {
    String address = address(exchange.getRequest());
    return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_LOGIN_BODY)
        .map(
            joined -> {
              byte[] bytes = new byte[joined.readableByteCount()];
              joined.read(bytes);
              DataBufferUtils.release(joined);
              return bytes;
            })
        .defaultIfEmpty(new byte[0])
        .onErrorResume(e -> Mono.just(new byte[0]))
        .flatMap(
            body -> {
              ServerWebExchange replayed =
                  exchange.mutate().request(new CachedBody(exchange.getRequest(), body)).build();
              String account = account(body);
              Bucket perAddress =
                  new Bucket(
                      "login-address", "rl:login:address:" + address, limits.loginPerAddress());
              return limited(
                  replayed,
                  chain,
                  account == null
                      ? List.of(perAddress)
                      : List.of(
                          new Bucket(
                              "login-account",
                              "rl:login:account:" + account,
                              limits.loginPerAccount()),
                          perAddress));
            });
  }

  private Mono<Void> limited(
      ServerWebExchange exchange, WebFilterChain chain, List<Bucket> wanted) {
    return buckets
        .take(wanted)
        .flatMap(
            d -> {
              var headers = exchange.getResponse().getHeaders();
              RateLimitProperties.Limit limit = d.tightest().limit();
              headers.set("RateLimit-Limit", Integer.toString(limit.burst()));
              headers.set("RateLimit-Remaining", Long.toString(Math.max(0, d.remaining())));
              if (d.allowed()) {
                // Seconds until the tightest bucket is full again.
                double missing = limit.burst() - Math.max(0, d.remaining());
                headers.set(
                    "RateLimit-Reset", Long.toString((long) Math.ceil(missing / limit.rate())));
                return chain.filter(exchange);
              }
              long seconds = Math.max(1, (long) Math.ceil(d.retryAfterMillis() / 1000.0));
              headers.set("RateLimit-Reset", Long.toString(seconds));
              headers.set("Retry-After", Long.toString(seconds));
              meters
                  .counter("flashdeal.ratelimit.rejected", "bucket", d.tightest().name())
                  .increment();
              return ProblemWriter.write(
                  exchange,
                  429,
                  ErrorCode.RATE_LIMITED,
                  "Too many requests ("
                      + d.tightest().name()
                      + "); retry in "
                      + seconds
                      + (seconds == 1 ? " second." : " seconds."));
            });
  }

  private static String address(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }

  /**
   * The login's e-mail, lower-cased and hashed (no address in Redis keys); null when unreadable.
   */
  static String account(byte[] body) {
    try {
      JsonNode email = JSON.readTree(body).get("email");
      if (email == null || !email.isString()) {
        return null;
      }
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  email
                      .asString()
                      .strip()
                      .toLowerCase(Locale.ROOT)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (RuntimeException | NoSuchAlgorithmException e) {
      return null;
    }
  }

  /** The request with its body, already read, served again. */
  private static final class CachedBody extends ServerHttpRequestDecorator {
    private final byte[] body;

    CachedBody(ServerHttpRequest delegate, byte[] body) {
      super(delegate);
      this.body = body;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return Flux.defer(
          () ->
              Flux.just(
                  org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(
                      body)));
    }
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
