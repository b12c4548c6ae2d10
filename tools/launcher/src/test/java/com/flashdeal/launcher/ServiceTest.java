package com.flashdeal.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A variant picks the implementation of a service by its stack variable; nothing else does. */
class ServiceTest {
  private static final Path REPO = Path.of("/repo");

  @Test
  void theDefaultStackIsTheSpringModule() {
    assertThat(Service.ORDER.jar(REPO, "1.0", Map.of()))
        .isEqualTo(Path.of("/repo/services/order-service/target/order-service-1.0.jar"));
    assertThat(Service.ORDER.stack(Map.of())).isEqualTo("spring");
  }

  @Test
  void orderStackMicronautPicksTheMicronautJar() {
    Map<String, String> env = Map.of("FLASHDEAL_ORDER_STACK", "micronaut");
    assertThat(Service.ORDER.stackVariable()).isEqualTo("FLASHDEAL_ORDER_STACK");
    assertThat(Service.ORDER.jar(REPO, "1.0", env))
        .isEqualTo(
            Path.of(
                "/repo/services/order-service-micronaut/target/order-service-micronaut-1.0.jar"));
    // Another service's stack variable does not move order-service, and vice versa.
    assertThat(Service.PRODUCT.jar(REPO, "1.0", env))
        .isEqualTo(Path.of("/repo/services/product-service/target/product-service-1.0.jar"));
  }

  @Test
  void anUnknownStackIsRefusedNamingTheKnownOnes() {
    assertThatThrownBy(
            () -> Service.ORDER.jar(REPO, "1.0", Map.of("FLASHDEAL_ORDER_STACK", "quarkus")))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("FLASHDEAL_ORDER_STACK=quarkus")
        .hasMessageContaining("[micronaut, spring]");
    assertThatThrownBy(
            () -> Service.AUTH.jar(REPO, "1.0", Map.of("FLASHDEAL_AUTH_STACK", "micronaut")))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("known: [spring]");
  }
}
