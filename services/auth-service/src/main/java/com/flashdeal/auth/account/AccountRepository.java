package com.flashdeal.auth.account;

import com.flashdeal.auth.sql.AccountsSql;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in auth-service's own database; every statement comes from sql/accounts.sql. */
@Repository
public class AccountRepository {
  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Empty when the email is taken. */
  public Optional<Account> insert(UUID id, String email, String passwordHash, String displayName) {
    return jdbc.sql(AccountsSql.INSERT_ACCOUNT)
        .param("id", id)
        .param("email", email.strip())
        .param("emailNormalized", Emails.normalize(email))
        .param("passwordHash", passwordHash)
        .param("displayName", displayName)
        .query((rs, n) -> map(rs, null))
        .optional();
  }

  public Optional<Account> findByEmail(String email) {
    return jdbc.sql(AccountsSql.FIND_ACCOUNT_BY_EMAIL)
        .param("emailNormalized", Emails.normalize(email))
        .query((rs, n) -> map(rs, rs.getString("password_hash")))
        .optional();
  }

  public Optional<Account> findById(UUID id) {
    return jdbc.sql(AccountsSql.FIND_ACCOUNT_BY_ID)
        .param("id", id)
        .query((rs, n) -> map(rs, null))
        .optional();
  }

  public void upsertAdmin(UUID id, String email, String passwordHash) {
    jdbc.sql(AccountsSql.UPSERT_ADMIN)
        .param("id", id)
        .param("email", email.strip())
        .param("emailNormalized", Emails.normalize(email))
        .param("passwordHash", passwordHash)
        .update();
  }

  public long count() {
    return jdbc.sql(AccountsSql.COUNT_ACCOUNTS).query(Long.class).single();
  }

  private static Account map(ResultSet rs, String hash) throws SQLException {
    Array roles = rs.getArray("roles");
    return new Account(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getString("display_name"),
        List.copyOf(Arrays.asList((String[]) roles.getArray())),
        rs.getObject("created_at", OffsetDateTime.class),
        hash);
  }
}
