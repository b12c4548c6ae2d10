package com.flashdeal.servicedefaults.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: taken from {@code X-Request-Id} when it is sane, generated otherwise. */
public final class RequestIds {
  private RequestIds() {}

  public static final String HEADER = "X-Request-Id";
  public static final String ATTRIBUTE = RequestIds.class.getName();
  public static final String MDC_KEY = "requestId";

  /** Only what is safe to log and echo: no spaces, quotes or control characters, bounded length. */
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  public static String acceptOrGenerate(String incoming) {
    return incoming != null && SANE.matcher(incoming).matches()
        ? incoming
        : UUID.randomUUID().toString();
  }

  public static String current(HttpServletRequest request) {
    if (request == null) {
      return null;
    }
    Object id = request.getAttribute(ATTRIBUTE);
    return id instanceof String s ? s : null;
  }
}
