package com.flashdeal.servicedefaults.security;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.security.BearerTokens;
import com.flashdeal.servicecore.security.JwtVerifier;
import com.flashdeal.servicecore.security.TokenRejectedException;
import com.flashdeal.servicecore.security.VerifiedUser;
import com.flashdeal.servicedefaults.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Zero trust inside the cluster: every non-public request must carry a token this service verifies
 * itself. Identity headers set by the gateway are never trusted on their own.
 */
public class BearerTokenFilter extends OncePerRequestFilter {
  private final JwtVerifier verifier;
  private final List<PathPattern> publicPaths;

  public BearerTokenFilter(JwtVerifier verifier, List<String> publicPaths) {
    this.verifier = verifier;
    this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    PathContainer path = PathContainer.parsePath(request.getRequestURI());
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean isPublic = publicPaths.stream().anyMatch(p -> p.matches(path));
    if (header == null) {
      if (isPublic) {
        chain.doFilter(request, response);
        return;
      }
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, TokenRejectedException.missingChallenge());
      ProblemResponses.write(
          request,
          response,
          401,
          ErrorCode.UNAUTHENTICATED,
          "This operation needs a bearer token.");
      return;
    }
    try {
      String token = BearerTokens.extract(header);
      VerifiedUser caller = verifier.verify(token);
      if (caller.isService() && !request.getRequestURI().startsWith("/internal/")) {
        // Service tokens open internal operations only; no public operation acts as a service.
        ProblemResponses.write(
            request,
            response,
            403,
            ErrorCode.FORBIDDEN,
            "A service token is accepted by internal operations only.");
        return;
      }
      request.setAttribute(CurrentUser.ATTRIBUTE, caller);
      request.setAttribute(CurrentUser.TOKEN_ATTRIBUTE, token);
    } catch (TokenRejectedException e) {
      // A bad token is refused even on public paths: the client believes it is authenticated and
      // must learn otherwise.
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, e.challenge());
      ProblemResponses.write(
          request,
          response,
          401,
          ErrorCode.UNAUTHENTICATED,
          "Access token rejected: " + e.getMessage() + ".");
      return;
    }
    chain.doFilter(request, response);
  }
}
