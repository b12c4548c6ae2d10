package com.flashdeal.gateway;

import com.flashdeal.servicecore.security.VerifiedUser;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * The identity {@link IdentityFilter} verified for a request, kept as an exchange attribute: the
 * gateway's own filters read it there, and {@link UpstreamHeaders} turns it into the headers the
 * services get. The request itself is never rebuilt for it.
 */
public final class EdgeIdentity {
  static final String ATTRIBUTE = EdgeIdentity.class.getName();

  private EdgeIdentity() {}

  /** The verified user; empty on public routes and before {@link IdentityFilter} ran. */
  public static Optional<VerifiedUser> of(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }
}
