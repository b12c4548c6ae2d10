package com.flashdeal.gateway;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ProblemBodies;
import com.flashdeal.servicedefaults.problem.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the contract's problem+json from the reactive side, with the same builder the services
 * use.
 */
public final class ProblemWriter {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  public static Mono<Void> write(
      ServerWebExchange exchange, int status, ErrorCode code, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setRawStatusCode(status);
    response.getHeaders().setContentType(Problems.PROBLEM_JSON);
    if (status == 503 || status == 504) {
      // Temporary by the contract: an upstream down or too slow; say when to come back.
      response.getHeaders().set("Retry-After", "1");
    }
    byte[] body =
        JSON.writeValueAsBytes(
            ProblemBodies.body(
                status,
                code,
                detail,
                exchange.getRequest().getPath().value(),
                exchange.getAttribute(RequestIdFilter.ATTRIBUTE),
                null));
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }
}
