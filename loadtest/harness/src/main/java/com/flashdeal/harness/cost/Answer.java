package com.flashdeal.harness.cost;

import com.flashdeal.harness.load.Scenario;

/**
 * The answers a sale is made of, each measured on its own at a fixed rate, and the box's floor: an
 * empty request (auth-service's JWK set, a static document) direct to a service and through the
 * gateway, so each hop's cost can be read against it.
 *
 * @param label the name in the report
 * @param load the generator's scenario that produces it
 * @param throughGateway whether the answer is counted at the gateway (else at auth-service)
 */
public enum Answer {
  DEAL_READ("deal read", Scenario.READ, true),
  SOLD_OUT("409 SOLD_OUT", Scenario.SOLD_OUT, true),
  /**
   * A fresh order: 201, or for the asynchronous variants 202 — its decision (the outbox relay, the
   * broker, the stock's consumer) runs in the same windows at steady state, so its CPU is in the
   * answer's cost; the buyers do not poll, so the count is one request per order.
   */
  CREATED("201 order (or 202 and its decision)", Scenario.CAPACITY, true),
  LOGIN("login", Scenario.LOGIN, true),
  FLOOR_DIRECT("floor: direct to auth-service", Scenario.READ, false),
  FLOOR_GATEWAY("floor: through the gateway", Scenario.READ, true);

  private final String label;
  private final Scenario load;
  private final boolean throughGateway;

  Answer(String label, Scenario load, boolean throughGateway) {
    this.label = label;
    this.load = load;
    this.throughGateway = throughGateway;
  }

  public String label() {
    return label;
  }

  public Scenario load() {
    return load;
  }

  public boolean throughGateway() {
    return throughGateway;
  }

  /** By its id ({@code deal-read}, {@code sold-out}, {@code created}, {@code login}, ...). */
  public static Answer of(String id) {
    for (Answer a : values()) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown answer '"
            + id
            + "'; use "
            + java.util.Arrays.stream(values()).map(Answer::id).toList());
  }

  /**
   * The generator's metric prefix of this answer ({@code <metric>_errors}: not the expected one).
   */
  String metric() {
    return switch (load) {
      case LOGIN -> "login";
      case READ -> "read";
      default -> "order";
    };
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The static document of the floor: public, cached, no database. */
  static final String FLOOR_PATH = "/auth/.well-known/jwks.json";
}
