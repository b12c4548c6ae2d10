package com.flashdeal.sqlgen;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a query returns, as sqlc spells it after the name: {@code :one}, {@code :many}, ... */
public enum Cardinality {
  /** Exactly zero or one row. */
  ONE("one"),
  /** Any number of rows. */
  MANY("many"),
  /** No result. */
  EXEC("exec"),
  /** The number of affected rows is the result (conditional updates: 0 means "did not apply"). */
  EXECROWS("execrows"),
  /** A statement whose result set comes from RETURNING. */
  EXECRESULT("execresult");

  private final String token;

  Cardinality(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }

  static Optional<Cardinality> fromToken(String token) {
    return Arrays.stream(values()).filter(c -> c.token.equals(token)).findFirst();
  }

  static String allTokens() {
    return Arrays.stream(values()).map(c -> ":" + c.token).collect(Collectors.joining(", "));
  }
}
