package com.flashdeal.servicedefaults.web;

import com.flashdeal.servicecore.web.RequestIdHeader;
import jakarta.servlet.http.HttpServletRequest;

/** The request id of a servlet request (see {@link RequestIdHeader}). */
public final class RequestIds {
  private RequestIds() {}

  public static final String HEADER = RequestIdHeader.NAME;
  public static final String ATTRIBUTE = RequestIds.class.getName();
  public static final String MDC_KEY = RequestIdHeader.MDC_KEY;

  public static String acceptOrGenerate(String incoming) {
    return RequestIdHeader.acceptOrGenerate(incoming);
  }

  public static String current(HttpServletRequest request) {
    if (request == null) {
      return null;
    }
    Object id = request.getAttribute(ATTRIBUTE);
    return id instanceof String s ? s : null;
  }
}
