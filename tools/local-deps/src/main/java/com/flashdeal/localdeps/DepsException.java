package com.flashdeal.localdeps;

/** A failure the user can act on; its message says what happened and what to do. */
public class DepsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DepsException(String message) {
    super(message);
  }

  public DepsException(String message, Throwable cause) {
    super(message, cause);
  }
}
