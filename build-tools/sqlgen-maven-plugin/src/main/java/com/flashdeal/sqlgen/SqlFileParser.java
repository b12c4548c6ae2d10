package com.flashdeal.sqlgen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sqlc's annotated form:
 *
 * <pre>
 * -- Free comments before the first query document the file.
 *
 * -- name: FindDeal :one
 * SELECT id, title FROM deal WHERE id = :id;
 *
 * -- name: ReserveStock :execrows
 * UPDATE deal SET remaining = remaining - :quantity WHERE id = :id AND remaining &gt;= :quantity;
 * </pre>
 *
 * <p>Everything between one header and the next is the query (comment lines directly above the next
 * header belong to that next query). Problems are collected for the whole file rather than stopping
 * at the first one.
 */
public final class SqlFileParser {

  /**
   * Any line that tries to be a header; anything matching this but not {@link #HEADER} is
   * malformed.
   */
  private static final Pattern HEADER_ATTEMPT = Pattern.compile("^\\s*--\\s*name\\s*:.*$");

  private static final Pattern HEADER =
      Pattern.compile("^--\\s+name:\\s+(?<name>\\S+)\\s+:(?<card>[a-z]+)\\s*$");

  private static final Pattern VALID_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

  /** Parses {@code text}; {@code source} only names the file in problems and generated docs. */
  public SqlFile parse(String source, String text) throws SqlFileException {
    List<SqlProblem> problems = new ArrayList<>();
    List<NamedQuery> queries = new ArrayList<>();
    Map<String, Integer> firstLineByName = new HashMap<>();
    Map<String, String> nameByConstant = new HashMap<>();

    String[] lines = text.split("\\R", -1);
    Header current = null;
    List<String> body = new ArrayList<>();

    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      if (HEADER_ATTEMPT.matcher(line).matches()) {
        finish(source, current, body, queries, problems);
        body.clear();
        current = parseHeader(source, line.strip(), lineNo, problems).orElse(null);
        if (current != null) {
          Integer first = firstLineByName.putIfAbsent(current.name, lineNo);
          String clash = nameByConstant.putIfAbsent(constantOf(current.name), current.name);
          if (first != null) {
            problems.add(
                new SqlProblem(
                    source,
                    lineNo,
                    "duplicate query name '%s' (first defined at line %d)"
                        .formatted(current.name, first)));
            current = Header.BROKEN;
          } else if (clash != null) {
            problems.add(
                new SqlProblem(
                    source,
                    lineNo,
                    "query name '%s' maps to the same Java constant as '%s'"
                        .formatted(current.name, clash)));
            current = Header.BROKEN;
          }
        } else {
          // Skip the body of a broken header silently: the header problem already explains it.
          current = Header.BROKEN;
        }
      } else if (current == null) {
        if (!line.isBlank() && !line.strip().startsWith("--")) {
          problems.add(
              new SqlProblem(
                  source,
                  lineNo,
                  "SQL outside a query: every statement needs a '-- name: <Name> <cardinality>' header"
                      + " above it"));
        }
      } else {
        body.add(line);
      }
    }
    finish(source, current, body, queries, problems);

    if (queries.isEmpty() && problems.isEmpty()) {
      problems.add(
          new SqlProblem(
              source,
              1,
              "no queries: expected at least one '-- name: <Name> <cardinality>' header"));
    }
    if (!problems.isEmpty()) {
      throw new SqlFileException(problems);
    }
    return new SqlFile(source, queries);
  }

  private static String constantOf(String name) {
    return new NamedQuery(name, Cardinality.EXEC, "", 0, List.of()).constantName();
  }

  private record Header(String name, Cardinality cardinality, int line) {
    static final Header BROKEN = new Header("", Cardinality.EXEC, 0);
  }

  private static Optional<Header> parseHeader(
      String source, String line, int lineNo, List<SqlProblem> problems) {
    Matcher m = HEADER.matcher(line);
    if (!m.matches()) {
      String rest = line.replaceFirst("^--\\s*name\\s*:\\s*", "");
      String message;
      if (rest.isEmpty() || rest.startsWith(":")) {
        message = "missing query name in header '%s'";
      } else if (!rest.contains(":")) {
        message =
            "missing cardinality in header '%s' (expected one of " + Cardinality.allTokens() + ")";
      } else {
        message =
            "malformed header '%s': expected '-- name: <UpperCamelName> <cardinality>', e.g."
                + " '-- name: FindDeal :one'";
      }
      problems.add(new SqlProblem(source, lineNo, message.formatted(line)));
      return Optional.empty();
    }
    String name = m.group("name");
    String token = m.group("card");
    if (!VALID_NAME.matcher(name).matches()) {
      problems.add(
          new SqlProblem(
              source,
              lineNo,
              "query name '%s' must be UpperCamelCase letters and digits (e.g. FindDeal)"
                  .formatted(name)));
      return Optional.empty();
    }
    Optional<Cardinality> cardinality = Cardinality.fromToken(token);
    if (cardinality.isEmpty()) {
      problems.add(
          new SqlProblem(
              source,
              lineNo,
              "unknown cardinality ':%s' for '%s' (expected one of %s)"
                  .formatted(token, name, Cardinality.allTokens())));
      return Optional.empty();
    }
    return Optional.of(new Header(name, cardinality.get(), lineNo));
  }

  private static void finish(
      String source,
      Header header,
      List<String> body,
      List<NamedQuery> queries,
      List<SqlProblem> problems) {
    if (header == null || header == Header.BROKEN) {
      return;
    }
    // Comment lines (and blanks) directly above the next header document that next query, not this
    // one.
    int end = body.size();
    while (end > 0 && (body.get(end - 1).isBlank() || body.get(end - 1).strip().startsWith("--"))) {
      end--;
    }
    int start = 0;
    while (start < end && body.get(start).isBlank()) {
      start++;
    }
    List<String> kept = body.subList(start, end).stream().map(String::stripTrailing).toList();
    String sql = String.join("\n", kept).strip();

    SqlScan scan = SqlScan.of(sql);
    if (scan.statementText().isBlank()) {
      problems.add(
          new SqlProblem(source, header.line, "query '%s' has no SQL".formatted(header.name)));
      return;
    }
    if (scan.unterminated() != null) {
      problems.add(
          new SqlProblem(
              source,
              header.line,
              "query '%s' has an unterminated %s".formatted(header.name, scan.unterminated())));
      return;
    }
    if (scan.innerSemicolons() > 0) {
      problems.add(
          new SqlProblem(
              source,
              header.line,
              "query '%s' holds more than one statement; give each its own '-- name:' header"
                  .formatted(header.name)));
      return;
    }
    if (header.cardinality == Cardinality.ONE || header.cardinality == Cardinality.MANY) {
      if (!scan.returnsRows()) {
        problems.add(
            new SqlProblem(
                source,
                header.line,
                "query '%s' is :%s but returns no rows (SELECT, VALUES, WITH or RETURNING expected)"
                    .formatted(header.name, header.cardinality.token())));
        return;
      }
    }
    queries.add(
        new NamedQuery(
            header.name,
            header.cardinality,
            scan.withoutTrailingSemicolon(),
            header.line,
            new ArrayList<>(new LinkedHashSet<>(scan.parameters()))));
  }
}
