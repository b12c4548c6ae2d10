package com.flashdeal.order.micronaut.web;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.Failures;
import com.flashdeal.servicecore.problem.ProblemBodies;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error Micronaut answers by itself (no route, wrong method or media type, an unreadable
 * body, a body too large, an unexpected exception) as the contract's problem+json, with the code
 * its status stands for. A database that is away is 503 UPSTREAM_UNAVAILABLE, an exhausted pool 503
 * OVERLOADED (nothing ran), as in the Spring services.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemErrors implements ErrorResponseProcessor<Map<String, Object>> {
  private static final Logger log = LoggerFactory.getLogger(ProblemErrors.class);

  @Override
  public MutableHttpResponse<Map<String, Object>> processResponse(
      ErrorContext context, MutableHttpResponse<?> base) {
    int status = base.code();
    var request = context.getRequest();
    Throwable cause = context.getRootCause().orElse(null);
    if (status >= 500 && cause != null) {
      if (Failures.isDatabaseDown(cause)) {
        log.warn(
            "database unavailable for {} {}: {}",
            request.getMethod(),
            request.getPath(),
            cause.toString());
        return Problems.of(
            request,
            503,
            ErrorCode.UPSTREAM_UNAVAILABLE,
            "The database is not reachable right now; try again in "
                + Problems.retryAfterSeconds
                + " s.");
      }
      if (Failures.isPoolExhausted(cause)) {
        log.warn(
            "overloaded: no database connection for {} {}", request.getMethod(), request.getPath());
        return Problems.of(
            request,
            503,
            ErrorCode.OVERLOADED,
            "The service is at capacity and did nothing; retry in "
                + Problems.retryAfterSeconds
                + " s.");
      }
    }
    if (status == 500) {
      log.error("unexpected error on {} {}", request.getMethod(), request.getPath(), cause);
      return Problems.of(
          request,
          500,
          ErrorCode.INTERNAL_ERROR,
          "An unexpected error occurred; quote the requestId when reporting it.");
    }
    String detail =
        context.getErrors().isEmpty() ? base.reason() : context.getErrors().get(0).getMessage();
    MutableHttpResponse<Map<String, Object>> problem =
        Problems.of(request, status, ProblemBodies.defaultCode(status), detail);
    base.getHeaders().forEach((name, values) -> values.forEach(v -> problem.header(name, v)));
    return problem.contentType(Problems.PROBLEM_JSON);
  }
}
