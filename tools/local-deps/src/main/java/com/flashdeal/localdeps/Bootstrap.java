package com.flashdeal.localdeps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL that gives each service its own database and role. Idempotent: safe to run on every
 * {@code deps-up}.
 *
 * <p>Isolation comes from revoking CONNECT from PUBLIC on every service database (and on the
 * maintenance database), so a role can connect only to the database it owns.
 */
public final class Bootstrap {
  private Bootstrap() {}

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public static String identifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new DepsException("'" + name + "' is not a plain lower-case SQL identifier");
    }
    return name;
  }

  static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new DepsException("a password cannot contain NUL");
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /** Statements run as the superuser while connected to the maintenance database. */
  public static List<String> roleAndDatabase(ServiceDatabase db, boolean databaseExists) {
    String role = identifier(db.role());
    String database = identifier(db.database());
    List<String> sql = new ArrayList<>();
    sql.add(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
            + literal(role)
            + ") THEN CREATE ROLE "
            + role
            + "; END IF; END $$");
    // Re-applied every time so a changed password or a tampered role is corrected.
    sql.add(
        "ALTER ROLE "
            + role
            + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD "
            + literal(db.password()));
    if (!databaseExists) {
      sql.add(
          "CREATE DATABASE " + database + " OWNER " + role + " ENCODING 'UTF8' TEMPLATE template0");
    }
    sql.add("ALTER DATABASE " + database + " OWNER TO " + role);
    sql.add("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
    sql.add("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + role);
    return sql;
  }

  /** Service roles have no business in the maintenance database either. */
  static List<String> lockDownMaintenanceDatabase() {
    return List.of("REVOKE CONNECT ON DATABASE postgres FROM PUBLIC");
  }
}
