package com.flashdeal.localdeps;

import java.util.Map;

/**
 * Environment lookup, injectable so settings can be unit-tested without touching the real
 * environment.
 */
@FunctionalInterface
public interface Env {
  String getOrNull(String name);

  default String get(String name, String fallback) {
    String value = getOrNull(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  default int getInt(String name, int fallback) {
    String value = getOrNull(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < 1 || parsed > 65535) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new DepsException(name + "=" + value + " is not a TCP port (1-65535)");
    }
  }

  static Env system() {
    return System::getenv;
  }

  static Env of(Map<String, String> values) {
    return values::get;
  }
}
