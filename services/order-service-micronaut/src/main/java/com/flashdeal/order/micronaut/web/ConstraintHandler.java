package com.flashdeal.order.micronaut.web;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ProblemBodies;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.List;
import java.util.Map;

/**
 * Bean validation of bodies, headers and parameters (the generated interfaces carry the contract's
 * constraints): 400 VALIDATION_FAILED naming each field as the Spring services do (the last node of
 * the property path).
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
class ConstraintHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
  @Override
  public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
    List<Map<String, String>> errors =
        e.getConstraintViolations().stream()
            .map(v -> Map.of("field", lastNode(v.getPropertyPath()), "message", v.getMessage()))
            .toList();
    return Problems.of(
        request, 400, ErrorCode.VALIDATION_FAILED, ProblemBodies.invalidFields(errors), errors);
  }

  private static String lastNode(Path path) {
    String name = "";
    for (Path.Node node : path) {
      if (node.getName() != null) {
        name = node.getName();
      }
    }
    return name;
  }
}
