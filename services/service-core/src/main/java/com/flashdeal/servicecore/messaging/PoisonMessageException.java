package com.flashdeal.servicecore.messaging;

/**
 * A message that can never be processed (unreadable, or about something that cannot exist): it goes
 * to the dead-letter queue at once instead of being redelivered.
 */
public class PoisonMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PoisonMessageException(String message, Throwable cause) {
    super(message, cause);
  }

  public PoisonMessageException(String message) {
    super(message);
  }
}
