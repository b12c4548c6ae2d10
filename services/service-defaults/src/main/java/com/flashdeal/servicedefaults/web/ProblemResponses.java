package com.flashdeal.servicedefaults.web;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ProblemBodies;
import com.flashdeal.servicedefaults.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json answer from a servlet filter, before any controller (and its advice) is
 * involved.
 */
public final class ProblemResponses {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      ErrorCode code,
      String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(Problems.PROBLEM_JSON.toString());
    byte[] body =
        JSON.writeValueAsBytes(
            ProblemBodies.body(
                status, code, detail, request.getRequestURI(), RequestIds.current(request), null));
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
