package com.flashdeal.servicecore.security;

/**
 * Parsing of the {@code Authorization: Bearer <token>} header, shared by servlet filter and
 * gateway.
 */
public final class BearerTokens {
  private BearerTokens() {}

  public static String extract(String authorization) {
    if (authorization == null) {
      throw new TokenRejectedException("no token");
    }
    String value = authorization.strip();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new TokenRejectedException("authorization scheme must be Bearer");
    }
    String token = value.substring(7).strip();
    if (token.isEmpty()) {
      throw new TokenRejectedException("no token");
    }
    return token;
  }
}
