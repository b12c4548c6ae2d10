package com.flashdeal.launcher;

/** A failure the user can act on; the message says what happened and where to look. */
public class LauncherException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LauncherException(String message) {
    super(message);
  }

  public LauncherException(String message, Throwable cause) {
    super(message, cause);
  }
}
