package com.flashdeal.gateway;

import com.flashdeal.servicedefaults.web.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Accepts or creates the request id and passes it downstream ({@link UpstreamHeaders}), so one id
 * follows a request through every service.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {
  static final String ATTRIBUTE = RequestIds.ATTRIBUTE;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id =
        RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    exchange.getAttributes().put(ATTRIBUTE, id);
    exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
    // Forwarded with the request by UpstreamHeaders.
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
