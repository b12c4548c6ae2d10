package com.flashdeal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashdeal.auth.sql.AccountsSql;
import com.flashdeal.localdeps.LocalDeps;
import com.flashdeal.servicedefaults.testing.SqlFiles;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Every query of auth-service's .sql files runs against the real PostgreSQL. */
@SpringBootTest
class SqlFilesIT {
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    Map<String, String> deps = LocalDeps.ensureUp().environment();
    registry.add("spring.datasource.url", () -> deps.get("FLASHDEAL_AUTH_DB_URL"));
    registry.add("spring.datasource.username", () -> deps.get("FLASHDEAL_AUTH_DB_USER"));
    registry.add("spring.datasource.password", () -> deps.get("FLASHDEAL_AUTH_DB_PASSWORD"));
  }

  @Test
  void everyQueryRuns() {
    Map<String, Object> samples =
        Map.of(
            "id", UUID.randomUUID(),
            "email", "sample@example.com",
            "emailNormalized", "sample@example.com",
            "passwordHash", "$argon2id$sample",
            "displayName", "Sample");
    int ran =
        SqlFiles.runEveryQuery(
            jdbc,
            tx,
            List.of(new SqlFiles.QueryFile(AccountsSql.ALL, AccountsSql.PARAMETERS)),
            samples);
    assertThat(ran).isEqualTo(5);
  }
}
