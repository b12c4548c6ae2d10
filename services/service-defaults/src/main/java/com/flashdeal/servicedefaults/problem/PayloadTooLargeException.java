package com.flashdeal.servicedefaults.problem;

import java.io.IOException;

/**
 * The request body passed the configured limit; an IOException so it can surface from an
 * InputStream read.
 */
public class PayloadTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(long limit) {
    super("Request bodies are limited to " + limit + " bytes.");
  }
}
