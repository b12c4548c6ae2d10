package com.flashdeal.gateway;

import com.flashdeal.servicedefaults.web.RequestIds;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a service gets with a forwarded request, written once, where Spring Cloud Gateway
 * builds the upstream request: every client-sent {@code X-User-*} header removed (a downstream
 * could mistake one for an identity assertion), the request id, and the verified identity as {@code
 * X-User-Id} / {@code X-User-Roles}. The filters before it only record the id and the identity as
 * exchange attributes: rebuilding the request for each (a copy of every header, a new exchange)
 * cost the gateway three copies per request.
 */
@Component
class UpstreamHeaders implements HttpHeadersFilter, Ordered {
  private static final String USER_ID = "X-User-Id";
  private static final String USER_ROLES = "X-User-Roles";

  private static final String IDENTITY_PREFIX = "x-user-";

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders out = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          if (!name.regionMatches(true, 0, IDENTITY_PREFIX, 0, IDENTITY_PREFIX.length())) {
            out.addAll(name, values);
          }
        });
    String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
    if (requestId != null) {
      out.set(RequestIds.HEADER, requestId);
    }
    EdgeIdentity.of(exchange)
        .ifPresent(
            user -> {
              out.set(USER_ID, user.id().toString());
              out.set(USER_ROLES, user.rolesHeader());
            });
    return out;
  }

  /** Last, so that no header filter after it can add an identity header back. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
