package com.flashdeal.servicecore.problem;

import com.flashdeal.contract.common.model.ErrorCode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contract's {@code Problem} whatever the stack: RFC 9457 members plus the stable {@code code}
 * and the {@code requestId}. One place for type URIs and titles.
 */
public final class ProblemBodies {
  private ProblemBodies() {}

  private static final String TYPE_BASE = "https://flashdeal.dev/problems/";

  /** The code a bare HTTP status stands for when nothing more specific is known. */
  public static ErrorCode defaultCode(int status) {
    return switch (status) {
      case 400 -> ErrorCode.VALIDATION_FAILED;
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 406 -> ErrorCode.NOT_ACCEPTABLE;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 429 -> ErrorCode.RATE_LIMITED;
      case 502, 503 -> ErrorCode.UPSTREAM_UNAVAILABLE;
      case 504 -> ErrorCode.UPSTREAM_TIMEOUT;
      default -> ErrorCode.INTERNAL_ERROR;
    };
  }

  public static URI type(ErrorCode code) {
    return URI.create(TYPE_BASE + code.getValue().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /** "SOLD_OUT" becomes "Sold out". */
  public static String title(ErrorCode code) {
    String words = code.getValue().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /**
   * The same problem as a plain map, for code that writes JSON itself (filters, the reactive
   * gateway).
   */
  public static Map<String, Object> body(
      int status,
      ErrorCode code,
      String detail,
      String instance,
      String requestId,
      List<Map<String, String>> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type(code).toString());
    body.put("title", title(code));
    body.put("status", status);
    if (detail != null) {
      body.put("detail", detail);
    }
    if (instance != null) {
      body.put("instance", instance);
    }
    body.put("code", code.getValue());
    if (requestId != null) {
      body.put("requestId", requestId);
    }
    if (errors != null && !errors.isEmpty()) {
      body.put("errors", errors);
    }
    return body;
  }

  /** The detail of a VALIDATION_FAILED problem with these field errors. */
  public static String invalidFields(List<Map<String, String>> errors) {
    return errors.size() == 1
        ? "The request has 1 invalid field."
        : "The request has " + errors.size() + " invalid fields.";
  }
}
