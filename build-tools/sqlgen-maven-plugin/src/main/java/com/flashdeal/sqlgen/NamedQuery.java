package com.flashdeal.sqlgen;

import java.util.List;

/**
 * One query of a {@code .sql} file.
 *
 * @param name the sqlc name, UpperCamelCase ({@code FindDeal})
 * @param cardinality what it returns
 * @param sql the statement, without its trailing semicolon
 * @param line the 1-based line of its {@code -- name:} header, for messages and generated docs
 * @param parameters the named parameters ({@code :dealId}) in order of first appearance
 */
public record NamedQuery(
    String name, Cardinality cardinality, String sql, int line, List<String> parameters) {

  public NamedQuery {
    parameters = List.copyOf(parameters);
  }

  /** {@code FindDeal} becomes {@code FIND_DEAL}; digits stay with the word before them. */
  public String constantName() {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
        .toUpperCase(java.util.Locale.ROOT);
  }
}
