package com.flashdeal.gateway;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.security.BearerTokens;
import com.flashdeal.servicecore.security.JwtVerifier;
import com.flashdeal.servicecore.security.TokenRejectedException;
import com.flashdeal.servicecore.security.VerifiedUser;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Identity at the edge. Non-public routes need a valid bearer token, whose verified identity is
 * then forwarded as {@code X-User-Id} / {@code X-User-Roles} (the token itself is forwarded too:
 * services verify it again); client-sent identity headers are always removed ({@link
 * UpstreamHeaders} does both). {@code /internal/**} is answered 404 here, before routing.
 */
@Component
class IdentityFilter implements WebFilter, Ordered {
  // The gateway's own probes and metrics scrape; /actuator is the gateway's, never routed to a
  // service.
  private static final List<String> PUBLIC_PREFIXES =
      List.of("/auth/", "/actuator/health", "/actuator/prometheus");

  private final JwtVerifier verifier;

  IdentityFilter(JwtVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (path.equals("/internal") || path.startsWith("/internal/")) {
      return ProblemWriter.write(exchange, 404, ErrorCode.NOT_FOUND, "No such resource.");
    }
    if (path.equals("/auth") || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
      return chain.filter(exchange);
    }
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      exchange
          .getResponse()
          .getHeaders()
          .set(HttpHeaders.WWW_AUTHENTICATE, TokenRejectedException.missingChallenge());
      return ProblemWriter.write(
          exchange, 401, ErrorCode.UNAUTHENTICATED, "This operation needs a bearer token.");
    }
    String token;
    try {
      token = BearerTokens.extract(authorization);
    } catch (TokenRejectedException e) {
      return reject(exchange, e);
    }
    // Verification is CPU only when the key is cached; fetching the JWKS blocks, so that case
    // leaves the event loop.
    Mono<VerifiedUser> verified = Mono.fromCallable(() -> verifier.verify(token));
    if (verifier.mayBlock(token)) {
      verified = verified.subscribeOn(Schedulers.boundedElastic());
    }
    return verified
        .flatMap(
            user ->
                user.isService()
                    // Service tokens are for calls inside the cluster; one arriving at the edge is
                    // leaked or misused, and no public operation may act as a service.
                    ? ProblemWriter.write(
                        exchange,
                        403,
                        ErrorCode.FORBIDDEN,
                        "Service tokens are not accepted at the gateway.")
                    : verified(exchange, user, chain))
        .onErrorResume(TokenRejectedException.class, e -> reject(exchange, e));
  }

  /** Recorded for the gateway's own filters and for {@link UpstreamHeaders}. */
  private static Mono<Void> verified(
      ServerWebExchange exchange, VerifiedUser user, WebFilterChain chain) {
    exchange.getAttributes().put(EdgeIdentity.ATTRIBUTE, user);
    return chain.filter(exchange);
  }

  private static Mono<Void> reject(ServerWebExchange exchange, TokenRejectedException e) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, e.challenge());
    return ProblemWriter.write(
        exchange, 401, ErrorCode.UNAUTHENTICATED, "Access token rejected: " + e.getMessage() + ".");
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
