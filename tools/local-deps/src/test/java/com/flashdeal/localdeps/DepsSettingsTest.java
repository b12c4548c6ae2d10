package com.flashdeal.localdeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DepsSettingsTest {

  @Test
  void defaultsUseProjectPortsThatDoNotClashWithASystemInstall() {
    DepsSettings s = DepsSettings.from(Env.of(Map.of()));
    assertThat(s.postgresPort()).isEqualTo(55432).isNotEqualTo(5432);
    assertThat(s.redisPort()).isEqualTo(56379).isNotEqualTo(6379);
    assertThat(s.host()).isEqualTo("127.0.0.1");
    assertThat(s.provider()).isEqualTo(Provider.AUTO);
    assertThat(s.runAsUser()).isEqualTo("postgres");
  }

  @Test
  void oneDatabaseAndOneRolePerService() {
    DepsSettings s = DepsSettings.from(Env.of(Map.of()));
    assertThat(s.databases())
        .extracting(ServiceDatabase::database)
        .containsExactly("flashdeal_auth", "flashdeal_product", "flashdeal_order");
    assertThat(s.databases())
        .extracting(ServiceDatabase::role)
        .containsExactly("auth_service", "product_service", "order_service");
    assertThat(s.database("order").jdbcUrl("127.0.0.1", 55432))
        .isEqualTo("jdbc:postgresql://127.0.0.1:55432/flashdeal_order");
  }

  @Test
  void environmentOverridesEverySetting() {
    DepsSettings s =
        DepsSettings.from(
            Env.of(
                Map.of(
                    "FLASHDEAL_PG_PORT", "6000",
                    "FLASHDEAL_REDIS_PORT", "6001",
                    "FLASHDEAL_DEPS_DIR", "/var/tmp/fd",
                    "FLASHDEAL_DEPS_PROVIDER", "Embedded",
                    "FLASHDEAL_DEPS_RUN_AS", "nobody",
                    "FLASHDEAL_PRODUCT_DB_PASSWORD", "s3cret")));
    assertThat(s.postgresPort()).isEqualTo(6000);
    assertThat(s.redisPort()).isEqualTo(6001);
    assertThat(s.baseDir()).hasToString("/var/tmp/fd");
    assertThat(s.provider()).isEqualTo(Provider.EMBEDDED);
    assertThat(s.runAsUser()).isEqualTo("nobody");
    assertThat(s.database("product").password()).isEqualTo("s3cret");
    assertThat(s.database("auth").password()).isEqualTo("auth-local-pw");
  }

  @Test
  void badValuesAreRejectedWithTheVariableName() {
    assertThatThrownBy(() -> DepsSettings.from(Env.of(Map.of("FLASHDEAL_PG_PORT", "70000"))))
        .isInstanceOf(DepsException.class)
        .hasMessageContaining("FLASHDEAL_PG_PORT=70000");
    assertThatThrownBy(() -> DepsSettings.from(Env.of(Map.of("FLASHDEAL_REDIS_PORT", "abc"))))
        .hasMessageContaining("FLASHDEAL_REDIS_PORT=abc");
    assertThatThrownBy(() -> DepsSettings.from(Env.of(Map.of("FLASHDEAL_DEPS_PROVIDER", "docker"))))
        .hasMessageContaining("auto, system, embedded");
    assertThatThrownBy(
            () ->
                DepsSettings.from(
                    Env.of(Map.of("FLASHDEAL_PG_PORT", "6000", "FLASHDEAL_REDIS_PORT", "6000"))))
        .hasMessageContaining("cannot share port 6000");
  }

  @Test
  void environmentForServicesFollowsOneNamingRule() {
    LocalDeps deps = new LocalDeps(DepsSettings.from(Env.of(Map.of())), Env.of(Map.of()));
    assertThat(deps.environment())
        .containsEntry("FLASHDEAL_AUTH_DB_URL", "jdbc:postgresql://127.0.0.1:55432/flashdeal_auth")
        .containsEntry("FLASHDEAL_ORDER_DB_USER", "order_service")
        .containsEntry("FLASHDEAL_PRODUCT_DB_PASSWORD", "product-local-pw")
        .containsEntry("FLASHDEAL_REDIS_URL", "redis://127.0.0.1:56379");
  }
}
