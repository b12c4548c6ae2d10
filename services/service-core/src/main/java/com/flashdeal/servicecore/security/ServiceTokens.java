package com.flashdeal.servicecore.security;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

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

  /**
   * Sends a request built around this service's token ({@code request} gets the token, not the
   * header). A 401 means the cached token went stale (a rotated signing key): it is renewed and the
   * request sent once more, so use it for idempotent calls only.
   *
   * @throws ServiceTokenUnavailableException when no token can be had
   */
  default <T> HttpResponse<T> send(
      HttpClient http, Function<String, HttpRequest> request, HttpResponse.BodyHandler<T> answer)
      throws IOException, InterruptedException {
    HttpResponse<T> response = http.send(request.apply(token()), answer);
    if (response.statusCode() == 401) {
      invalidate();
      response = http.send(request.apply(token()), answer);
    }
    return response;
  }

  /** Thrown when no service token can be had; callers answer 503, as for any missing upstream. */
  final class ServiceTokenUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceTokenUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
