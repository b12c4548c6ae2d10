package com.flashdeal.servicedefaults.problem;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ApiException;
import com.flashdeal.servicecore.problem.Failures;
import com.flashdeal.servicecore.problem.ProblemBodies;
import com.flashdeal.servicedefaults.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a servlet service answers is the contract's problem+json: Spring's standard
 * exceptions get the right status and {@code code}, business refusals ({@link ApiException}) keep
 * theirs, and anything unexpected is a 500 {@code INTERNAL_ERROR} whose details stay in the log
 * (the {@code requestId} links the two). Services must not also enable {@code
 * spring.mvc.problemdetails}: Boot's handler would compete with this one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  private final long retryAfterSeconds;

  /**
   * @param retryAfterSeconds the {@code Retry-After} of the 503s this advice answers
   */
  public ProblemAdvice(long retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
    return respond(
        HttpStatus.valueOf(e.status()),
        e.code(),
        e.getMessage(),
        request,
        e.errors().isEmpty() ? null : e.errors());
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
    return respond(
        HttpStatus.CONTENT_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage(), request, null);
  }

  /**
   * Constraint violations on headers and parameters of the generated interfaces
   * (class-level @Validated).
   */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraint(
      ConstraintViolationException e, HttpServletRequest request) {
    List<Map<String, String>> errors =
        e.getConstraintViolations().stream()
            .map(
                v ->
                    Map.of(
                        "field",
                        lastNode(v.getPropertyPath().toString()),
                        "message",
                        v.getMessage()))
            .toList();
    return respond(
        HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, describe(errors), request, errors);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    List<Map<String, String>> errors =
        List.of(Map.of("field", e.getName(), "message", "has the wrong type"));
    return respond(
        HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, describe(errors), request, errors);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (isDatabaseDown(e)) {
      // The connection broke or the server is restarting: nothing this request did was committed
      // (a commit that did not answer is the reaper's case, docs/no-leaked-stock.md).
      log.warn(
          "database unavailable for {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          e.toString());
      return respond(
          HttpStatus.SERVICE_UNAVAILABLE,
          ErrorCode.UPSTREAM_UNAVAILABLE,
          "The database is not reachable right now; try again in " + retryAfterSeconds + " s.",
          request,
          null);
    }
    if (isPoolExhausted(e)) {
      // No connection within the pool's timeout: the service is at capacity, not broken. The
      // transaction never started, so nothing was written.
      log.warn(
          "overloaded: no database connection for {} {}",
          request.getMethod(),
          request.getRequestURI());
      return respond(
          HttpStatus.SERVICE_UNAVAILABLE,
          ErrorCode.OVERLOADED,
          "The service is at capacity and did nothing; retry in " + retryAfterSeconds + " s.",
          request,
          null);
    }
    log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        HttpStatus.INTERNAL_SERVER_ERROR,
        ErrorCode.INTERNAL_ERROR,
        "An unexpected error occurred; quote the requestId when reporting it.",
        request,
        null);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> Map.of("field", f.getField(), "message", message(f)))
            .toList();
    return validationFailed(errors, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                Map.of(
                                    "field",
                                    String.valueOf(r.getMethodParameter().getParameterName()),
                                    "message",
                                    String.valueOf(err.getDefaultMessage()))))
            .toList();
    return validationFailed(errors, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // A chunked body over the limit fails while Jackson reads it: the cause sits somewhere down the
    // chain.
    var tooLarge = cause(e, PayloadTooLargeException.class);
    if (tooLarge.isPresent()) {
      return problem(
          HttpStatus.CONTENT_TOO_LARGE,
          ErrorCode.PAYLOAD_TOO_LARGE,
          tooLarge.get().getMessage(),
          headers,
          request,
          null);
    }
    // A null where the contract has a value (explicit, or a required member left out of a body
    // whose model has a creator) is a field error like any other: say which field.
    var nullValue = cause(e, tools.jackson.databind.exc.InvalidNullException.class);
    if (nullValue.isPresent() && nullValue.get().getPropertyName() != null) {
      return validationFailed(
          List.of(
              Map.of(
                  "field",
                  nullValue.get().getPropertyName().getSimpleName(),
                  "message",
                  "must not be null")),
          headers,
          request);
    }
    // Never echo parser internals: they can leak class names and request fragments.
    return problem(
        HttpStatus.BAD_REQUEST,
        ErrorCode.MALFORMED_REQUEST,
        "The body is not valid JSON for this operation.",
        headers,
        request,
        null);
  }

  /**
   * Every other standard Spring MVC exception: keep Spring's status and detail, add the contract's
   * members.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
    ErrorCode code =
        problem.getProperties() != null && problem.getProperties().get("code") instanceof String c
            ? ErrorCode.fromValue(c)
            : ProblemBodies.defaultCode(statusCode.value());
    HttpServletRequest servlet =
        ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    Problems.enrich(
        problem,
        code,
        servlet == null ? null : servlet.getRequestURI(),
        RequestIds.current(servlet));
    // Exceptions hand out read-only headers (e.g. Allow for 405): copy before adding the content
    // type.
    HttpHeaders out = new HttpHeaders();
    out.addAll(headers);
    out.setContentType(Problems.PROBLEM_JSON);
    return new ResponseEntity<>(problem, out, statusCode);
  }

  private ResponseEntity<Object> problem(
      HttpStatus status,
      ErrorCode code,
      String detail,
      HttpHeaders headers,
      WebRequest request,
      List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("code", code.getValue());
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    return createResponseEntity(problem, headers, status, request);
  }

  private ResponseEntity<ProblemDetail> respond(
      HttpStatus status,
      ErrorCode code,
      String detail,
      HttpServletRequest request,
      List<Map<String, String>> errors) {
    ProblemDetail problem =
        Problems.of(status, code, detail, request.getRequestURI(), RequestIds.current(request));
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON);
    if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.GATEWAY_TIMEOUT) {
      // Every 503/504 is temporary by the contract: say when to come back.
      answer.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }
    return answer.body(problem);
  }

  /**
   * Hikari (and any pool honouring JDBC's contract) reports "no connection in time" as {@link
   * SQLTransientConnectionException}; Spring wraps it in {@code CannotCreateTransactionException}
   * or {@code CannotGetJdbcConnectionException}, keeping the cause.
   */
  public static boolean isPoolExhausted(Throwable e) {
    return Failures.isPoolExhausted(e);
  }

  /**
   * A connection failure (SQLState class 08) or a server shutting down or restarting (57P01-57P03),
   * anywhere in the cause chain: the database is away, not this request wrong.
   */
  public static boolean isDatabaseDown(Throwable e) {
    return Failures.isDatabaseDown(e);
  }

  /** {@code e} and its causes, outermost first: frameworks wrap what went wrong. */
  private static Stream<Throwable> causes(Throwable e) {
    return Stream.iterate(e, Objects::nonNull, Throwable::getCause);
  }

  /** The first of {@code e} and its causes that is a {@code type}. */
  private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
    return causes(e).filter(type::isInstance).map(type::cast).findFirst();
  }

  private ResponseEntity<Object> validationFailed(
      List<Map<String, String>> errors, HttpHeaders headers, WebRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST,
        ErrorCode.VALIDATION_FAILED,
        describe(errors),
        headers,
        request,
        errors);
  }

  private static String message(FieldError f) {
    return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  private static String describe(List<Map<String, String>> errors) {
    return ProblemBodies.invalidFields(errors);
  }
}
