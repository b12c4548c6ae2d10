package com.flashdeal.servicecore.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: taken from {@code X-Request-Id} when it is sane, generated otherwise. */
public final class RequestIdHeader {
  private RequestIdHeader() {}

  public static final String NAME = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  /** Only what is safe to log and echo: no spaces, quotes or control characters, bounded length. */
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  public static String acceptOrGenerate(String incoming) {
    return incoming != null && SANE.matcher(incoming).matches()
        ? incoming
        : UUID.randomUUID().toString();
  }
}
