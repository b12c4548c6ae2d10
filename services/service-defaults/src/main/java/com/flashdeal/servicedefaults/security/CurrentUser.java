package com.flashdeal.servicedefaults.security;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ApiException;
import com.flashdeal.servicecore.security.VerifiedUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The verified caller of the current request. Controllers implement generated interfaces whose
 * signatures come from the contract, so the identity cannot be a method parameter; {@link
 * BearerTokenFilter} puts it here instead.
 */
public final class CurrentUser {
  public static final String ATTRIBUTE = VerifiedUser.class.getName();
  public static final String TOKEN_ATTRIBUTE = VerifiedUser.class.getName() + ".token";

  private CurrentUser() {}

  /** The user behind the request; a service token cannot act as a user (403). */
  public static VerifiedUser require() {
    return caller().requireUser();
  }

  /**
   * The calling service, which must be one of {@code allowed}: internal operations answer 403 to
   * users, admins and every other service.
   */
  public static VerifiedUser requireService(java.util.Collection<String> allowed) {
    return caller().requireService(allowed);
  }

  private static VerifiedUser caller() {
    RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
    Object user =
        attrs == null ? null : attrs.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (user instanceof VerifiedUser verified) {
      return verified;
    }
    throw new ApiException(
        HttpStatus.UNAUTHORIZED.value(),
        ErrorCode.UNAUTHENTICATED,
        "This operation needs a bearer token.");
  }

  /**
   * The verified token itself, for calls to other services on the caller's behalf (they verify it
   * again).
   */
  public static String bearerToken() {
    caller();
    return (String)
        RequestContextHolder.currentRequestAttributes()
            .getAttribute(TOKEN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
  }

  public static VerifiedUser requireRole(String role) {
    VerifiedUser user = require();
    if (!user.hasRole(role)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN.value(),
          ErrorCode.FORBIDDEN,
          "This operation needs the " + role + " role.");
    }
    return user;
  }
}
