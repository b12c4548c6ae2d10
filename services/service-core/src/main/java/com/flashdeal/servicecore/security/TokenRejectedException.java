package com.flashdeal.servicecore.security;

/**
 * A token that must not be trusted. The message is safe to show to the client (it says why, not how
 * to forge one) and becomes the {@code error_description} of the {@code WWW-Authenticate}
 * challenge.
 */
public class TokenRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TokenRejectedException(String message) {
    super(message);
  }

  public TokenRejectedException(String message, Throwable cause) {
    super(message, cause);
  }

  /** RFC 6750 challenge for a 401. */
  public String challenge() {
    return "Bearer error=\"invalid_token\", error_description=\""
        + getMessage().replace("\"", "'")
        + "\"";
  }

  /** The challenge for a request that sent no token at all (RFC 6750: no error code). */
  public static String missingChallenge() {
    return "Bearer realm=\"flashdeal\"";
  }
}
