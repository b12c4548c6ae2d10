package com.flashdeal.servicecore.problem;

import com.flashdeal.contract.common.model.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * A refusal the contract documents: thrown by business code, answered as problem+json with its
 * code.
 *
 * <p>It carries no stack trace: it is an answer, not a fault, and nine answers in ten of a sale are
 * one (SOLD_OUT). Filling in the trace walked the whole servlet and Spring stack on every refusal;
 * where it was thrown is never read (the handlers write its status, code and detail). A cause can
 * still be given ({@link #initCause}), as for a dependency that is down.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final ErrorCode code;
  private final transient List<Map<String, String>> errors;

  public ApiException(int status, ErrorCode code, String detail) {
    this(status, code, detail, List.of());
  }

  public ApiException(int status, ErrorCode code, String detail, List<Map<String, String>> errors) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  /**
   * A rule across fields that the schema cannot express, answered like any other validation
   * failure.
   */
  public static ApiException invalidField(String field, String message) {
    return new ApiException(
        400,
        ErrorCode.VALIDATION_FAILED,
        "The request has 1 invalid field.",
        List.of(Map.of("field", field, "message", message)));
  }

  /** No trace: a refusal is an answer, and filling one in costs more than the rest of it. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  public List<Map<String, String>> errors() {
    return errors;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  public ErrorCode code() {
    return code;
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, ErrorCode.NOT_FOUND, detail);
  }

  public static ApiException conflict(ErrorCode code, String detail) {
    return new ApiException(409, code, detail);
  }
}
