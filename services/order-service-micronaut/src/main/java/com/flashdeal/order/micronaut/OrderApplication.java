package com.flashdeal.order.micronaut;

import io.micronaut.runtime.Micronaut;

/**
 * order-service on Micronaut 4: the same contract, SQL files, migrations and order path as the
 * Spring Boot implementation (order-core); only the web layer, dependency injection and data access
 * (Micronaut Data JDBC) are Micronaut's. Phase 4 compares the two (docs/phase4-micronaut.md).
 */
public final class OrderApplication {
  private OrderApplication() {}

  public static void main(String[] args) {
    // Every singleton at start, as Spring does: a bad setting fails the start, not the first order.
    Micronaut.build(args)
        .mainClass(OrderApplication.class)
        .banner(false)
        .eagerInitSingletons(true)
        .start();
  }
}
