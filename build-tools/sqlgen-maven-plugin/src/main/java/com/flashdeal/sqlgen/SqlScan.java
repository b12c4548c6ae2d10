package com.flashdeal.sqlgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small PostgreSQL-aware scanner: finds named parameters, statement separators and the first
 * keyword while skipping string literals, quoted identifiers, dollar-quoted bodies, comments and
 * {@code ::} casts, so that {@code ':x'} or {@code col::int} are never mistaken for parameters.
 */
record SqlScan(
    String sql,
    List<String> parameters,
    int innerSemicolons,
    boolean trailingSemicolon,
    String unterminated,
    String statementText) {

  static SqlScan of(String sql) {
    List<String> params = new ArrayList<>();
    StringBuilder code = new StringBuilder(); // the SQL with comments and literals blanked out
    int semicolons = 0;
    String unterminated = null;
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol;
        code.append(' ');
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        if (close < 0) {
          unterminated = "block comment";
          break;
        }
        i = close + 2;
        code.append(' ');
      } else if (c == '\'' || c == '"') {
        int close = closingQuote(sql, i, c);
        if (close < 0) {
          unterminated = c == '\'' ? "string literal" : "quoted identifier";
          break;
        }
        i = close + 1;
        code.append(c == '"' ? "x" : "''");
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length());
        if (close < 0) {
          unterminated = "dollar-quoted string";
          break;
        }
        i = close + tag.length();
        code.append("''");
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        code.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(sql.charAt(j))) {
          j++;
        }
        params.add(sql.substring(i + 1, j));
        code.append('?');
        i = j;
      } else {
        if (c == ';') {
          semicolons++;
        }
        code.append(c);
        i++;
      }
    }
    String stripped = code.toString().strip();
    boolean trailing = stripped.endsWith(";");
    int inner = semicolons - (trailing ? 1 : 0);
    String statement = trailing ? stripped.substring(0, stripped.length() - 1) : stripped;
    return new SqlScan(sql, params, inner, trailing, unterminated, statement);
  }

  /** The SQL to ship: JDBC drivers and Micronaut Data reject or mishandle a trailing semicolon. */
  String withoutTrailingSemicolon() {
    String s = sql.strip();
    return trailingSemicolon && s.endsWith(";")
        ? s.substring(0, s.length() - 1).stripTrailing()
        : s;
  }

  /** Whether the statement yields rows: a query, or DML with RETURNING. */
  boolean returnsRows() {
    String upper = statementText.toUpperCase(Locale.ROOT);
    String first = upper.isEmpty() ? "" : upper.split("[\\s(]+", 2)[0];
    return switch (first) {
      case "SELECT", "VALUES", "WITH", "TABLE", "SHOW", "EXPLAIN" -> true;
      default -> upper.matches("(?s).*\\bRETURNING\\b.*");
    };
  }

  private static int closingQuote(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2; // doubled quote is an escaped quote
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }

  /**
   * {@code $$} or {@code $tag$} starting at {@code i}, or null when the dollar is something else
   * ({@code $1}).
   */
  private static String dollarTag(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j < sql.length() && sql.charAt(j) == '$') {
      String tag = sql.substring(i, j + 1);
      return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
    }
    return null;
  }
}
