package com.flashdeal.sqlgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlFileParserTest {

  private final SqlFileParser parser = new SqlFileParser();

  private SqlFile parse(String text) throws SqlFileException {
    return parser.parse("sql/deals.sql", text);
  }

  private static SqlFileException problemsOf(ThrowingParse parse) {
    try {
      parse.run();
    } catch (SqlFileException e) {
      return e;
    }
    throw new AssertionError("expected the file to be rejected");
  }

  interface ThrowingParse {
    void run() throws SqlFileException;
  }

  @Test
  void parsesQueriesWithCardinalityParametersAndLines() throws Exception {
    SqlFile file =
        parse(
            """
            -- Deals: what product-service sells.

            -- name: FindDeal :one
            SELECT id, title FROM deal WHERE id = :id;

            -- Conditional: zero rows means sold out.
            -- name: ReserveStock :execrows
            UPDATE deal
               SET remaining = remaining - :quantity
             WHERE id = :id AND remaining >= :quantity;
            """);

    assertThat(file.queries()).hasSize(2);
    NamedQuery find = file.queries().get(0);
    assertThat(find.name()).isEqualTo("FindDeal");
    assertThat(find.cardinality()).isEqualTo(Cardinality.ONE);
    assertThat(find.line()).isEqualTo(3);
    assertThat(find.sql()).isEqualTo("SELECT id, title FROM deal WHERE id = :id");
    assertThat(find.parameters()).containsExactly("id");

    NamedQuery reserve = file.queries().get(1);
    assertThat(reserve.cardinality()).isEqualTo(Cardinality.EXECROWS);
    assertThat(reserve.line()).isEqualTo(7);
    assertThat(reserve.sql())
        .as("the comment above the next header must not leak into this query")
        .startsWith("UPDATE deal")
        .endsWith("remaining >= :quantity")
        .doesNotContain("Conditional");
    assertThat(reserve.parameters()).containsExactly("quantity", "id");
  }

  @Test
  void castsLiteralsCommentsAndDollarQuotesAreNotParameters() throws Exception {
    SqlFile file =
        parse(
            """
            -- name: Tricky :many
            SELECT ':notParam' AS a, "col:x" AS b, price::numeric, $$ :alsoNot $$ AS c, $1 AS d
              FROM deal /* :commented */
             WHERE id = :id -- :trailing
               AND note = 'it''s :fine';
            """);
    assertThat(file.queries().get(0).parameters()).containsExactly("id");
  }

  @Test
  void constantNamesFollowJavaConventions() {
    assertThat(
            new NamedQuery("FindDeal", Cardinality.ONE, "", 1, java.util.List.of()).constantName())
        .isEqualTo("FIND_DEAL");
    assertThat(
            new NamedQuery("ListDealsV2", Cardinality.ONE, "", 1, java.util.List.of())
                .constantName())
        .isEqualTo("LIST_DEALS_V2");
    assertThat(
            new NamedQuery("FindByURL", Cardinality.ONE, "", 1, java.util.List.of()).constantName())
        .isEqualTo("FIND_BY_URL");
  }

  @Test
  void duplicateNameFailsWithBothLines() {
    SqlFileException e =
        problemsOf(
            () ->
                parse(
                    """
                    -- name: FindDeal :one
                    SELECT 1;

                    -- name: FindDeal :one
                    SELECT 2;
                    """));
    assertThat(e.problems())
        .singleElement()
        .hasToString("sql/deals.sql:4: duplicate query name 'FindDeal' (first defined at line 1)");
  }

  @Test
  void missingNameFailsWithFileAndLine() {
    SqlFileException e = problemsOf(() -> parse("\n-- name: :one\nSELECT 1;\n"));
    assertThat(e.getMessage()).startsWith("sql/deals.sql:2: missing query name");
  }

  @Test
  void missingOrUnknownCardinalityFails() {
    assertThat(problemsOf(() -> parse("-- name: FindDeal\nSELECT 1;\n")).getMessage())
        .startsWith("sql/deals.sql:1: missing cardinality");
    assertThat(problemsOf(() -> parse("-- name: FindDeal :single\nSELECT 1;\n")).getMessage())
        .isEqualTo(
            "sql/deals.sql:1: unknown cardinality ':single' for 'FindDeal' (expected one of :one,"
                + " :many, :exec, :execrows, :execresult)");
  }

  @Test
  void malformedHeadersFail() {
    assertThat(problemsOf(() -> parse("-- name: find_deal :one\nSELECT 1;\n")).getMessage())
        .contains(":1: query name 'find_deal' must be UpperCamelCase");
    assertThat(problemsOf(() -> parse("--name:FindDeal:one\nSELECT 1;\n")).getMessage())
        .contains(":1: malformed header");
    assertThat(problemsOf(() -> parse("-- name: FindDeal :one extra\nSELECT 1;\n")).getMessage())
        .contains(":1: malformed header");
  }

  @Test
  void sqlWithoutHeaderFails() {
    assertThat(
            problemsOf(() -> parse("SELECT 1;\n-- name: FindDeal :one\nSELECT 1;\n")).getMessage())
        .startsWith("sql/deals.sql:1: SQL outside a query");
  }

  @Test
  void emptyBodyAndEmptyFileFail() {
    assertThat(
            problemsOf(() -> parse("-- name: FindDeal :one\n\n-- name: Other :one\nSELECT 1;"))
                .getMessage())
        .isEqualTo("sql/deals.sql:1: query 'FindDeal' has no SQL");
    assertThat(problemsOf(() -> parse("-- only a comment\n")).getMessage()).contains("no queries");
  }

  @Test
  void twoStatementsUnderOneHeaderFail() {
    assertThat(
            problemsOf(() -> parse("-- name: Two :exec\nDELETE FROM a;\nDELETE FROM b;\n"))
                .getMessage())
        .contains("more than one statement");
  }

  @Test
  void rowReturningCardinalityNeedsRows() throws Exception {
    assertThat(
            problemsOf(() -> parse("-- name: Bump :one\nUPDATE deal SET v = v + 1;\n"))
                .getMessage())
        .contains("is :one but returns no rows");
    assertThat(parse("-- name: Bump :one\nUPDATE deal SET v = v + 1 RETURNING v;\n").queries())
        .hasSize(1);
    assertThat(parse("-- name: Recent :many\nWITH x AS (SELECT 1) SELECT * FROM x;\n").queries())
        .hasSize(1);
  }

  @Test
  void unterminatedLiteralFails() {
    assertThat(problemsOf(() -> parse("-- name: Bad :one\nSELECT 'oops;\n")).getMessage())
        .contains("unterminated string literal");
  }

  @Test
  void reportsEveryProblemOfTheFileAtOnce() {
    SqlFileException e =
        problemsOf(
            () ->
                parse(
                    """
                    -- name: :one
                    SELECT 1;
                    -- name: Good :one
                    SELECT 1;
                    -- name: Good :one
                    SELECT 2;
                    """));
    assertThat(e.problems()).extracting(SqlProblem::line).containsExactly(1, 5);
  }

  @Test
  void windowsLineEndingsAreAccepted() throws Exception {
    assertThat(parse("-- name: FindDeal :one\r\nSELECT 1\r\n  FROM x;\r\n").queries().get(0).sql())
        .isEqualTo("SELECT 1\n  FROM x");
  }

  @Test
  void rejectingUsesTheExceptionType() {
    assertThatThrownBy(() -> parse("")).isInstanceOf(SqlFileException.class);
  }
}
