package com.flashdeal.order.micronaut.web;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ProblemBodies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Map;

/** The contract's problem+json answers as Micronaut responses (bodies from ProblemBodies). */
public final class Problems {
  private Problems() {}

  public static final String PROBLEM_JSON = "application/problem+json";

  /** How long a 503/504 tells the client to wait: set once from flashdeal.http.retry-after. */
  static volatile long retryAfterSeconds = 1;

  public static MutableHttpResponse<Map<String, Object>> of(
      HttpRequest<?> request,
      int status,
      ErrorCode code,
      String detail,
      List<Map<String, String>> errors) {
    MutableHttpResponse<Map<String, Object>> response =
        HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(status))
            .contentType(PROBLEM_JSON)
            .body(
                ProblemBodies.body(
                    status,
                    code,
                    detail,
                    request == null ? null : request.getPath(),
                    request == null ? null : Guard.requestId(request),
                    errors));
    if (status == 503 || status == 504) {
      // Every 503/504 is temporary by the contract: say when to come back.
      response.header("Retry-After", Long.toString(retryAfterSeconds));
    }
    return response;
  }

  public static MutableHttpResponse<Map<String, Object>> of(
      HttpRequest<?> request, int status, ErrorCode code, String detail) {
    return of(request, status, code, detail, null);
  }
}
