package com.flashdeal.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariantTest {

  @Test
  void parsesDescriptionAndVariables() {
    Variant v =
        Variant.parse(
            "x",
            List.of(
                "# Phase 1: atomic.",
                "",
                "FLASHDEAL_PRODUCT_STOCK_STRATEGY=db-atomic",
                "# later comment",
                "A_B=c=d"),
            "x.env");
    assertThat(v.description()).isEqualTo("Phase 1: atomic.");
    assertThat(v.env())
        .containsEntry("FLASHDEAL_PRODUCT_STOCK_STRATEGY", "db-atomic")
        .containsEntry("A_B", "c=d")
        .hasSize(2);
  }

  @Test
  void rejectsMalformedLinesWithFileAndLine() {
    assertThatThrownBy(() -> Variant.parse("x", List.of("# d", "lowercase=1"), "x.env"))
        .hasMessageStartingWith("x.env:2:");
    assertThatThrownBy(() -> Variant.parse("x", List.of("NO_EQUALS"), "x.env"))
        .hasMessageStartingWith("x.env:1:");
    assertThatThrownBy(() -> Variant.parse("x", List.of("A=1", "A=2"), "x.env"))
        .hasMessageContaining("A is set twice");
  }

  @Test
  void theRepositoryVariantsLoadAndUnknownNamesListTheKnownOnes() {
    Path dir = Path.of("../../variants");
    assertThat(Variant.names(dir)).contains("phase1-db-atomic", "phase1-db-lock", "phase1-naive");
    assertThat(Variant.load(dir, "phase1-naive").env())
        .containsEntry("FLASHDEAL_PRODUCT_STOCK_STRATEGY", "naive");
    assertThat(Variant.load(dir, Variant.DEFAULT).env())
        .containsEntry("FLASHDEAL_PRODUCT_STOCK_STRATEGY", "db-atomic");
    assertThatThrownBy(() -> Variant.load(dir, "phase9"))
        .hasMessageContaining("unknown variant 'phase9'")
        .hasMessageContaining("phase1-db-lock");
  }

  @Test
  void servicePortsAndJarsComeFromOneTable() {
    assertThat(Service.PHASE1).extracting(Service::port).containsExactly(8081, 8082, 8083, 8080);
    assertThat(Service.PHASE1)
        .extracting(Service::internalPort)
        .containsExactly(9081, 9082, 9083, 0);
    assertThat(Service.PRODUCT.ports()).containsExactly(8082, 9082);
    assertThat(Service.ORDER.jar(Path.of("/repo"), "1.0"))
        .isEqualTo(Path.of("/repo/services/order-service/target/order-service-1.0.jar"));
  }
}
