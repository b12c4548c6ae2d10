package com.flashdeal.localdeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BootstrapTest {

  private final ServiceDatabase auth =
      new ServiceDatabase("auth", "flashdeal_auth", "auth_service", "pw");

  @Test
  void createsTheDatabaseOnlyWhenMissingAndAlwaysRevokesPublicAccess() {
    assertThat(Bootstrap.roleAndDatabase(auth, false))
        .anyMatch(s -> s.startsWith("CREATE DATABASE flashdeal_auth OWNER auth_service"))
        .contains("REVOKE ALL ON DATABASE flashdeal_auth FROM PUBLIC")
        .contains("GRANT CONNECT, TEMPORARY ON DATABASE flashdeal_auth TO auth_service");
    assertThat(Bootstrap.roleAndDatabase(auth, true))
        .noneMatch(s -> s.startsWith("CREATE DATABASE"))
        .contains("REVOKE ALL ON DATABASE flashdeal_auth FROM PUBLIC");
  }

  @Test
  void serviceRolesGetNoPrivilegesBeyondLogin() {
    assertThat(Bootstrap.roleAndDatabase(auth, true))
        .anyMatch(
            s ->
                s.startsWith(
                    "ALTER ROLE auth_service WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"));
  }

  @Test
  void passwordsAreQuotedAsLiterals() {
    ServiceDatabase tricky =
        new ServiceDatabase("auth", "flashdeal_auth", "auth_service", "it's'; DROP ROLE x; --");
    assertThat(Bootstrap.roleAndDatabase(tricky, true))
        .anyMatch(s -> s.endsWith("PASSWORD 'it''s''; DROP ROLE x; --'"));
  }

  @Test
  void identifiersMustBePlain() {
    assertThatThrownBy(() -> Bootstrap.identifier("auth; DROP DATABASE x"))
        .isInstanceOf(DepsException.class);
    assertThatThrownBy(() -> Bootstrap.identifier("Auth")).isInstanceOf(DepsException.class);
    assertThat(Bootstrap.identifier("order_service")).isEqualTo("order_service");
  }
}
