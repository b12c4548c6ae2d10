package com.flashdeal.servicedefaults.security;

/**
 * This service's own access token, for calls to other services' internal APIs (the
 * client-credentials grant at auth-service). Implementations cache the token and renew it before it
 * expires.
 */
public interface ServiceTokens {

  /**
   * A valid service token.
   *
   * @throws ServiceTokenUnavailableException when none can be had (auth-service down, or this
   *     service's credentials refused)
   */
  String token();

  /** Drops the cached token, e.g. after a callee answered 401 to it (a rotated signing key). */
  void invalidate();

  /** Thrown when no service token can be had; callers answer 503, as for any missing upstream. */
  final class ServiceTokenUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceTokenUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
