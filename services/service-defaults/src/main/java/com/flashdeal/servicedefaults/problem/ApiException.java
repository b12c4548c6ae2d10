package com.flashdeal.servicedefaults.problem;

import com.flashdeal.contract.common.model.ErrorCode;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the contract documents: thrown by business code, answered as problem+json with its
 * code.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final ErrorCode code;
  private final transient List<Map<String, String>> errors;

  public ApiException(HttpStatus status, ErrorCode code, String detail) {
    this(status, code, detail, List.of());
  }

  public ApiException(
      HttpStatus status, ErrorCode code, String detail, List<Map<String, String>> errors) {
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
        HttpStatus.BAD_REQUEST,
        ErrorCode.VALIDATION_FAILED,
        "The request has 1 invalid field.",
        List.of(Map.of("field", field, "message", message)));
  }

  public List<Map<String, String>> errors() {
    return errors;
  }

  public HttpStatus status() {
    return status;
  }

  public ErrorCode code() {
    return code;
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, detail);
  }

  public static ApiException conflict(ErrorCode code, String detail) {
    return new ApiException(HttpStatus.CONFLICT, code, detail);
  }
}
