package com.flashdeal.order.micronaut.web;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ApiException;
import com.flashdeal.servicecore.security.BearerTokens;
import com.flashdeal.servicecore.security.JwtVerifier;
import com.flashdeal.servicecore.security.TokenRejectedException;
import com.flashdeal.servicecore.security.VerifiedUser;
import com.flashdeal.servicecore.web.Admission;
import com.flashdeal.servicecore.web.QueryParameters;
import com.flashdeal.servicecore.web.RequestIdHeader;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * What service-defaults' servlet filters do for the Spring services, in the same order, as one
 * Micronaut filter: the request id, the admission bulkhead ({@link Admission}), single-valued query
 * parameters, the internal API on its own port, and the bearer token (zero trust: every non-public
 * request carries a token this service verifies itself). It runs on the blocking (virtual-thread)
 * executor: admission waits, and a token with an unknown key fetches the JWKS.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class Guard {
  private static final String REQUEST_ID = "flashdeal.request-id";
  private static final String ADMITTED = "flashdeal.admitted";
  private static final String CALLER = "flashdeal.caller";
  private static final String TOKEN = "flashdeal.token";
  private static final List<String> PUBLIC =
      List.of("/actuator/health", "/actuator/info", "/actuator/prometheus");

  private final Admission admission;
  private final JwtVerifier verifier;
  private final int internalPort;

  Guard(
      Admission admission,
      JwtVerifier verifier,
      @Property(name = "flashdeal.http.internal-port") int internalPort) {
    this.admission = admission;
    this.verifier = verifier;
    this.internalPort = internalPort;
    Problems.retryAfterSeconds = admission.retryAfterSeconds();
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  public HttpResponse<?> admit(HttpRequest<?> request) {
    request.setAttribute(
        REQUEST_ID,
        RequestIdHeader.acceptOrGenerate(request.getHeaders().get(RequestIdHeader.NAME)));
    String path = request.getPath();
    if (!admission.exempt(path)) {
      if (!admission.enter()) {
        return Problems.of(request, 503, ErrorCode.OVERLOADED, admission.shedDetail());
      }
      request.setAttribute(ADMITTED, Boolean.TRUE);
    }
    HttpResponse<?> refused = check(request, path);
    if (refused != null) {
      // Refused here, before any route: Micronaut does not run this filter's response method for a
      // response its request method returned, so the admission is given back now. Without it every
      // refused token kept a permit, and a few dozen of them left the service answering 503.
      leave(request);
    }
    return refused;
  }

  private HttpResponse<?> check(HttpRequest<?> request, String path) {
    String query = request.getUri().getRawQuery();
    if (query != null && !path.startsWith("/actuator")) {
      List<String> problems = QueryParameters.problems(query);
      if (!problems.isEmpty()) {
        return Problems.of(
            request, 400, ErrorCode.VALIDATION_FAILED, QueryParameters.detail(problems));
      }
    }
    if (internalPort > 0
        && isInternal(path) != (request.getServerAddress().getPort() == internalPort)) {
      // Each API on its own port only; anything else looks like a path that does not exist.
      return Problems.of(request, 404, ErrorCode.NOT_FOUND, "No resource at " + path + ".");
    }
    return authenticate(request, path);
  }

  private HttpResponse<?> authenticate(HttpRequest<?> request, String path) {
    String header = request.getHeaders().getAuthorization().orElse(null);
    if (header == null) {
      if (PUBLIC.stream().anyMatch(path::startsWith)) {
        return null;
      }
      return Problems.of(
              request, 401, ErrorCode.UNAUTHENTICATED, "This operation needs a bearer token.")
          .header("WWW-Authenticate", TokenRejectedException.missingChallenge());
    }
    try {
      String token = BearerTokens.extract(header);
      VerifiedUser caller = verifier.verify(token);
      if (caller.isService() && !path.startsWith("/internal/")) {
        return Problems.of(
            request,
            403,
            ErrorCode.FORBIDDEN,
            "A service token is accepted by internal operations only.");
      }
      request.setAttribute(CALLER, caller);
      request.setAttribute(TOKEN, token);
      return null;
    } catch (TokenRejectedException e) {
      // A bad token is refused even on public paths: the client believes it is authenticated.
      return Problems.of(
              request,
              401,
              ErrorCode.UNAUTHENTICATED,
              "Access token rejected: " + e.getMessage() + ".")
          .header("WWW-Authenticate", e.challenge());
    }
  }

  @ResponseFilter
  public void done(HttpRequest<?> request, MutableHttpResponse<?> response) {
    leave(request);
    String id = requestId(request);
    if (id != null) {
      response.header(RequestIdHeader.NAME, id);
    }
  }

  /** Gives this request's admission back, once. */
  private void leave(HttpRequest<?> request) {
    if (request.getAttribute(ADMITTED).isPresent()) {
      request.removeAttribute(ADMITTED, Boolean.class);
      admission.leave();
    }
  }

  private static boolean isInternal(String path) {
    return path.equals("/internal") || path.startsWith("/internal/");
  }

  static String requestId(HttpRequest<?> request) {
    return request.getAttribute(REQUEST_ID, String.class).orElse(null);
  }

  /** The verified caller of this request (401 when there is none). */
  public static VerifiedUser caller(HttpRequest<?> request) {
    return request
        .getAttribute(CALLER, VerifiedUser.class)
        .orElseThrow(
            () ->
                new ApiException(
                    401, ErrorCode.UNAUTHENTICATED, "This operation needs a bearer token."));
  }

  /** The verified token, for calls to other services on the caller's behalf. */
  public static String token(HttpRequest<?> request) {
    caller(request);
    return request.getAttribute(TOKEN, String.class).orElseThrow();
  }
}
