package com.flashdeal.harness.load;

import java.util.Locale;

/** The k6 scripts of {@code loadtest/k6/}; each imports the shared {@code flashdeal.js}. */
public enum Scenario {
  /** A hot deal of S units, U users arriving once each: sell-out, latency by outcome, fairness. */
  SALE("sale.js"),
  /** One step of the knee search on the order path. */
  CAPACITY("capacity.js"),
  /**
   * The knee of SOLD_OUT answers: the order path of capacity.js on one deal already sold out, every
   * arrival a fresh buyer who must hear 409 SOLD_OUT (what most of a flash sale's traffic gets).
   */
  SOLD_OUT("capacity.js"),
  /** One step of the knee search on login (Argon2id). */
  LOGIN("login.js");

  /** The helper module every scenario imports; shipped next to it (ConfigMap key, same folder). */
  public static final String HELPER = "flashdeal.js";

  private final String script;

  Scenario(String script) {
    this.script = script;
  }

  public String script() {
    return script;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Scenario of(String id) {
    for (Scenario s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario '" + id + "'; use sale, capacity, sold-out or login");
  }
}
