package com.flashdeal.auth.account;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the contract's schema cannot say about a password (its length, 12-128, is checked by bean
 * validation): not a commonly breached one, not built from the email, not a single repeated
 * character.
 */
@Component
public class PasswordPolicy {
  private final Set<String> common;

  PasswordPolicy() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
      common =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .map(l -> l.toLowerCase(Locale.ROOT))
              .collect(Collectors.toUnmodifiableSet());
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("common-passwords.txt is missing from the classpath", e);
    }
  }

  /** Why the password is weak, or empty when it passes. */
  public Optional<String> weakness(String password, String email) {
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      return Optional.of("The password is on the list of commonly breached passwords.");
    }
    String local = Emails.normalize(email).split("@", 2)[0];
    if (local.length() >= 4 && lower.contains(local)) {
      return Optional.of("The password must not contain the email address.");
    }
    if (password.chars().distinct().count() < 4) {
      return Optional.of("The password needs at least 4 different characters.");
    }
    return Optional.empty();
  }
}
