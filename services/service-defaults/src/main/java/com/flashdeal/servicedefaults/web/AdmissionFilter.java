package com.flashdeal.servicedefaults.web;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.web.Admission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@link Admission} bulkhead as a servlet filter. It sits after the request id (so the 503
 * carries one) and before token verification (a shed request costs no RS256 verify).
 */
public class AdmissionFilter extends OncePerRequestFilter {
  private final Admission admission;

  public AdmissionFilter(Admission admission) {
    this.admission = admission;
  }

  /** Requests answered 503 by this filter since start (exported as a metric). */
  public long shed() {
    return admission.shed();
  }

  /** Requests being served now. */
  public int inFlight() {
    return admission.inFlight();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return admission.exempt(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!admission.enter()) {
      response.setHeader("Retry-After", Long.toString(admission.retryAfterSeconds()));
      ProblemResponses.write(
          request,
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          ErrorCode.OVERLOADED,
          admission.shedDetail());
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      admission.leave();
    }
  }
}
