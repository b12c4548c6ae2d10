package com.flashdeal.servicedefaults.web;

import com.flashdeal.contract.common.model.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every query parameter of the contract is a single value: one given twice ({@code ?page=&page=x})
 * or without a value ({@code ?page=}) is refused with 400 {@code VALIDATION_FAILED}. Spring would
 * bind the first occurrence and read an empty value as "absent", so such a request used to be
 * answered 200 with defaults (schemathesis found it). The raw query string is read, never {@code
 * getParameterMap()}, which would consume a form body.
 */
public class QueryParametersFilter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getQueryString() == null || request.getRequestURI().startsWith("/actuator");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> problems = problems(request.getQueryString());
    if (!problems.isEmpty()) {
      ProblemResponses.write(
          request,
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          ErrorCode.VALIDATION_FAILED,
          "Query parameters: " + String.join("; ", problems) + ".");
      return;
    }
    chain.doFilter(request, response);
  }

  /** What is wrong with a raw query string; empty when nothing is. */
  static List<String> problems(String query) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue; // "a=1&&b=2": no parameter there
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!seen.add(name)) {
        problems.add(name + " is given more than once");
      } else if (value.isEmpty()) {
        problems.add(name + " has no value");
      }
    }
    return problems;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a broken %-escape: the name is still worth reporting as given
    }
  }
}
