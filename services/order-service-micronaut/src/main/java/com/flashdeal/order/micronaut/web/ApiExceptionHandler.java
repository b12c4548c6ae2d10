package com.flashdeal.order.micronaut.web;

import com.flashdeal.servicecore.problem.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A refusal the contract documents, with its code. */
@Produces
@Singleton
@Requires(classes = {ApiException.class, ExceptionHandler.class})
class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {
  @Override
  public HttpResponse<?> handle(HttpRequest request, ApiException e) {
    return Problems.of(
        request, e.status(), e.code(), e.getMessage(), e.errors().isEmpty() ? null : e.errors());
  }
}
