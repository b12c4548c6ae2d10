package com.flashdeal.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json is in force: wrong values fail at install time, not in a crashing pod. */
class ChartSchemaTest {

  static java.util.stream.Stream<String> services() {
    return Charts.SERVICES.stream();
  }

  /**
   * One schema for the four service charts, kept in the library chart and copied (Helm needs it per
   * chart).
   */
  @ParameterizedTest
  @MethodSource("services")
  void serviceSchemaIsTheLibrarysCopy(String service) throws IOException {
    assertThat(Files.readString(Charts.chart(service).resolve("values.schema.json")))
        .as(
            "charts/%s/values.schema.json: cp charts/flashdeal-service/service-values.schema.json",
            service)
        .isEqualTo(
            Files.readString(Charts.chart(Charts.LIBRARY).resolve("service-values.schema.json")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "global.variant|Not_A_Dns_Label|/global/variant",
        "product-service.port|eighty|/port",
        "auth-service.secretEnv[0].value|inline-password|additional properties 'value'",
        "order-service.config.bad-name|1|bad-name",
        "gateway.podSecurityContext.runAsNonRoot|false|runAsNonRoot",
        "gateway.securityContext.allowPrivilegeEscalation|true|allowPrivilegeEscalation",
        "tests.imag|busybox|additional properties 'imag'",
      })
  void rejectsValuesTheSchemaForbids(String key, String value, String message) {
    Object typed = value.equals("true") || value.equals("false") ? Boolean.valueOf(value) : value;
    assertThatThrownBy(() -> Charts.renderUmbrella(null, Map.of(key, typed)))
        .hasMessageContaining(message);
  }
}
