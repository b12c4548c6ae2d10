package com.flashdeal.servicedefaults.web;

import com.flashdeal.contract.common.model.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With an internal port ({@code flashdeal.http.internal-port}), each API is answered on its own
 * port only: {@code /internal/**} on the internal port, everything else (the public API, the
 * actuator) on the main port. Anything else is a 404, exactly like a path that does not exist, so
 * the public port reveals nothing of the internal API. Ports are what a Kubernetes NetworkPolicy
 * can tell apart (paths it cannot): the charts let only the internal API's callers reach its port.
 */
public class InternalPortFilter extends OncePerRequestFilter {
  private final int internalPort;

  public InternalPortFilter(int internalPort) {
    this.internalPort = internalPort;
  }

  private static boolean isInternal(String path) {
    return path.equals("/internal") || path.startsWith("/internal/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean onInternalPort = request.getLocalPort() == internalPort;
    if (isInternal(request.getRequestURI()) != onInternalPort) {
      ProblemResponses.write(
          request,
          response,
          HttpServletResponse.SC_NOT_FOUND,
          ErrorCode.NOT_FOUND,
          "No resource at " + request.getRequestURI() + ".");
      return;
    }
    chain.doFilter(request, response);
  }
}
