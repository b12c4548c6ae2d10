package com.flashdeal.servicedefaults.problem;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ProblemBodies;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds the contract's {@code Problem}: RFC 9457 members plus the stable {@code code} and the
 * {@code requestId}. Spring's side of {@link ProblemBodies}, used by MVC advice, servlet filters
 * and the reactive gateway alike.
 */
public final class Problems {
  private Problems() {}

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  /** Fills a Spring {@link ProblemDetail} with the contract's members. */
  public static ProblemDetail enrich(
      ProblemDetail problem, ErrorCode code, String instance, String requestId) {
    problem.setType(ProblemBodies.type(code));
    problem.setTitle(ProblemBodies.title(code));
    if (instance != null) {
      problem.setInstance(URI.create(instance));
    }
    problem.setProperty("code", code.getValue());
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    return problem;
  }

  public static ProblemDetail of(
      HttpStatusCode status, ErrorCode code, String detail, String instance, String requestId) {
    return enrich(ProblemDetail.forStatusAndDetail(status, detail), code, instance, requestId);
  }
}
