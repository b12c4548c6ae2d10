package com.flashdeal.sqlgen;

/**
 * One thing wrong with a {@code .sql} file, located the way compilers do so IDEs and CI logs link
 * to it.
 *
 * @param source the file
 * @param line 1-based line
 * @param message what is wrong and what is expected instead
 */
public record SqlProblem(String source, int line, String message) {
  @Override
  public String toString() {
    return source + ":" + line + ": " + message;
  }
}
