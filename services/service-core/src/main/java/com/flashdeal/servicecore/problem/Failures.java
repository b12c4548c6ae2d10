package com.flashdeal.servicecore.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.stream.Stream;

/** What a failure from the data layer means for the answer, whatever wraps it. */
public final class Failures {
  private Failures() {}

  /**
   * No connection from the pool in time: the service is at capacity, not broken, and the statement
   * never ran. Hikari (and any pool honouring JDBC's contract) reports it as {@link
   * SQLTransientConnectionException}; frameworks wrap it, keeping the cause.
   */
  public static boolean isPoolExhausted(Throwable e) {
    return causes(e).anyMatch(SQLTransientConnectionException.class::isInstance);
  }

  /**
   * A connection failure (SQLState class 08) or a server shutting down or restarting (57P01-57P03),
   * anywhere in the cause chain: the database is away, not this request wrong.
   */
  public static boolean isDatabaseDown(Throwable e) {
    return causes(e)
        .anyMatch(
            t ->
                t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")));
  }

  /** A unique constraint refused the statement (SQLState 23505). */
  public static boolean isUniqueViolation(Throwable e) {
    return causes(e)
        .anyMatch(t -> t instanceof SQLException sql && "23505".equals(sql.getSQLState()));
  }

  /** {@code e} and its causes, outermost first: frameworks wrap what went wrong. */
  private static Stream<Throwable> causes(Throwable e) {
    return Stream.iterate(e, Objects::nonNull, Throwable::getCause);
  }
}
