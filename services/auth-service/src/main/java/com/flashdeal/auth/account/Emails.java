package com.flashdeal.auth.account;

import java.util.Locale;

/**
 * One normalisation for storing and looking up emails, so "Ada@Example.com" and "ada@example.com"
 * are one account.
 */
public final class Emails {
  private Emails() {}

  public static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
