package com.flashdeal.gateway;

import com.flashdeal.contract.common.model.ErrorCode;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A path with an encoded slash, backslash or NUL ({@code %2F}, {@code %5C}, {@code %00}) names no
 * resource of any contract, and the services' Tomcat refuses it before any of our code runs, with
 * an HTML error page (schemathesis found {@code GET /orders/D%C2%A8p%5C…} answered that way). The
 * gateway answers it itself: 400 problem+json, nothing forwarded.
 */
@Component
class PathGuardFilter implements WebFilter, Ordered {
  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String raw = exchange.getRequest().getURI().getRawPath();
    if (raw != null) {
      String upper = raw.toUpperCase(Locale.ROOT);
      if (upper.contains("%2F") || upper.contains("%5C") || upper.contains("%00")) {
        return ProblemWriter.write(
            exchange,
            400,
            ErrorCode.VALIDATION_FAILED,
            "The path contains an encoded slash, backslash or NUL; no resource has such a name.");
      }
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1; // right after the request id, before any routing
  }
}
