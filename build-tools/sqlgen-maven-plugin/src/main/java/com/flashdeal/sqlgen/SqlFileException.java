package com.flashdeal.sqlgen;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a file has at least one {@link SqlProblem}; carries all of them so one build shows
 * every mistake.
 */
public final class SqlFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<SqlProblem> problems;

  public SqlFileException(List<SqlProblem> problems) {
    super(problems.stream().map(SqlProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<SqlProblem> problems() {
    return problems;
  }
}
