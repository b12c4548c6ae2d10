package com.flashdeal.load;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A run's settings, from environment variables (the harness sets them on the process or the Job):
 * the same names whatever runs the simulation, so a run can be repeated by hand from its report.
 */
public final class Env {
  private final Map<String, String> env;

  public Env(Map<String, String> env) {
    this.env = env;
  }

  public static Env system() {
    return new Env(System.getenv());
  }

  public String str(String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  public int integer(String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + v + "'");
    }
  }

  public List<Long> longs(String name) {
    String v = env.getOrDefault(name, "");
    return Arrays.stream(v.split(",")).filter(s -> !s.isBlank()).map(Long::parseLong).toList();
  }
}
