package com.flashdeal.gateway;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ProblemBodies;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every failure the gateway answers is problem+json: no route is 404, an upstream that cannot be
 * reached is 503 {@code UPSTREAM_UNAVAILABLE}, one that is too slow is 504 {@code
 * UPSTREAM_TIMEOUT}.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
class GatewayErrorHandler implements ErrorWebExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (isTimeout(error)) {
      return ProblemWriter.write(
          exchange,
          504,
          ErrorCode.UPSTREAM_TIMEOUT,
          "The service behind this route did not answer in time.");
    }
    if (isUnreachable(error)) {
      return ProblemWriter.write(
          exchange,
          503,
          ErrorCode.UPSTREAM_UNAVAILABLE,
          "The service behind this route is not reachable; try again shortly.");
    }
    if (error instanceof ResponseStatusException rse) {
      int status = rse.getStatusCode().value();
      if (status == 504) {
        return ProblemWriter.write(
            exchange,
            504,
            ErrorCode.UPSTREAM_TIMEOUT,
            "The service behind this route did not answer in time.");
      }
      ErrorCode code = ProblemBodies.defaultCode(status);
      String detail = status == 404 ? "No such resource." : rse.getReason();
      return ProblemWriter.write(exchange, status, code, detail);
    }
    log.error("unexpected gateway error on {}", exchange.getRequest().getPath(), error);
    return ProblemWriter.write(
        exchange,
        500,
        ErrorCode.INTERNAL_ERROR,
        "An unexpected error occurred; quote the requestId when reporting it.");
  }

  private static boolean isTimeout(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof io.netty.handler.timeout.ReadTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      // A connection reset mid-request (the service was killed) is the same for the client: the
      // service went away; a POST may be repeated with its Idempotency-Key to learn the outcome.
      if (t instanceof ConnectException
          || t instanceof io.netty.channel.ConnectTimeoutException
          || t instanceof java.net.UnknownHostException
          || t instanceof java.net.SocketException
          || t instanceof reactor.netty.http.client.PrematureCloseException) {
        return true;
      }
    }
    return false;
  }
}
