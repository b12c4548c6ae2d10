package com.flashdeal.servicedefaults.problem;

import com.flashdeal.contract.common.model.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * A refusal the contract documents: thrown by business code, answered as problem+json with its
 * code.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final ErrorCode code;

  public ApiException(HttpStatus status, ErrorCode code, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
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
