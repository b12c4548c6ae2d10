package com.flashdeal.servicedefaults.web;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.web.QueryParameters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@link QueryParameters} as a servlet filter. */
public class QueryParametersFilter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getQueryString() == null || request.getRequestURI().startsWith("/actuator");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> problems = QueryParameters.problems(request.getQueryString());
    if (!problems.isEmpty()) {
      ProblemResponses.write(
          request,
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          ErrorCode.VALIDATION_FAILED,
          QueryParameters.detail(problems));
      return;
    }
    chain.doFilter(request, response);
  }
}
