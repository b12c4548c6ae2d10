package com.flashdeal.harness.load;

import java.util.Locale;

/** The load shapes the generator runs (the simulations of {@code loadtest/gatling}), by id. */
public enum Scenario {
  /** A hot deal of S units, U users arriving once each: sell-out, latency by outcome, fairness. */
  SALE,
  /** One step of the knee search on the order path. */
  CAPACITY,
  /**
   * The knee of SOLD_OUT answers: the order path of a capacity step on one deal already sold out,
   * every arrival a fresh buyer who must hear 409 SOLD_OUT (what most of a flash sale's traffic
   * gets).
   */
  SOLD_OUT,
  /** One step of the knee search on login (Argon2id). */
  LOGIN,
  /**
   * A window of GETs of one path (READ_PATH), as a user or anonymous: the deal read, or the box's
   * floor (an empty request direct to a service, or through the gateway).
   */
  READ;

  /** The generator's name for it ({@code sale}, {@code sold-out}, ...). */
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
        "unknown scenario '" + id + "'; use sale, capacity, sold-out, login or read");
  }
}
