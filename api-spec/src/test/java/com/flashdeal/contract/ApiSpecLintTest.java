package com.flashdeal.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fails the build when a contract breaks the house rules; the fixture test proves the rules can
 * fail.
 */
class ApiSpecLintTest {

  /** Surefire runs in the module folder, where the specs live. */
  private static final Path SPECS = Path.of(".").toAbsolutePath().normalize();

  private final SpecLinter linter = new SpecLinter();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "auth-service.v1.yaml, /auth/;/internal/",
    "product-service.v1.yaml, /products;/deals;/internal/",
    "order-service.v1.yaml, /orders;/internal/",
  })
  void contractFollowsTheHouseRules(String file, String prefixes) {
    Path spec = SPECS.resolve(file);
    assertThat(spec).exists();
    assertThat(linter.lint(spec, List.of(prefixes.split(";")))).isEmpty();
  }

  @Test
  void sharedComponentsParseCleanly() {
    var result = SpecLinter.parse(SPECS.resolve("common.v1.yaml"));
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getComponents().getSchemas())
        .containsKeys("Problem", "ErrorCode", "PageMeta", "Money", "FieldError");
  }

  @Test
  void operationIdsAreUniqueAcrossServices() throws Exception {
    List<String> ids = new ArrayList<>();
    for (String file :
        List.of("auth-service.v1.yaml", "product-service.v1.yaml", "order-service.v1.yaml")) {
      SpecLinter.parse(SPECS.resolve(file)).getOpenAPI().getPaths().values().stream()
          .flatMap(p -> p.readOperations().stream())
          .map(Operation::getOperationId)
          .forEach(ids::add);
    }
    Map<String, Long> counts =
        ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
  }

  @Test
  void errorCodesNamedByTheIssuesExist() {
    @SuppressWarnings("unchecked")
    List<String> codes =
        (List<String>)
            (List<?>)
                SpecLinter.parse(SPECS.resolve("common.v1.yaml"))
                    .getOpenAPI()
                    .getComponents()
                    .getSchemas()
                    .get("ErrorCode")
                    .getEnum();
    assertThat(codes)
        .contains("SOLD_OUT", "LIMIT_EXCEEDED", "DEAL_NOT_ACTIVE", "VALIDATION_FAILED");
  }

  @Test
  void theLinterCatchesABrokenContract() throws Exception {
    Path fixtures = Path.of("src/test/resources/lint-fixtures").toAbsolutePath();
    assertThat(Files.exists(fixtures.resolve("broken.v1.yaml"))).isTrue();
    List<String> findings = linter.lint(fixtures.resolve("broken.v1.yaml"), List.of("/widgets"));

    assertThat(findings)
        .anyMatch(f -> f.contains("POST /widgets: needs an operationId"))
        .anyMatch(f -> f.contains("POST /widgets: takes a body but does not document 413"))
        .anyMatch(
            f ->
                f.contains(
                    "POST /widgets -> 409: content must be exactly [application/problem+json]"))
        .anyMatch(f -> f.contains("POST /widgets -> 201: application/json needs an example"))
        .anyMatch(f -> f.contains("GET /widgets: documents no client error (4xx) response"))
        .anyMatch(f -> f.contains("GET /widgets: requires a token but does not document 401"))
        .anyMatch(
            f ->
                f.contains("GET /internal/x: is routed by the gateway")
                    || f.contains("GET /internal/x: /internal/ paths"))
        .anyMatch(f -> f.contains("path /internal/x is outside this service's prefixes"));
  }

  @Test
  void aSyntaxErrorIsReportedByTheParser() {
    Path fixtures = Path.of("src/test/resources/lint-fixtures").toAbsolutePath();
    assertThat(linter.lint(fixtures.resolve("unresolvable.v1.yaml"), List.of("/widgets")))
        .anyMatch(f -> f.contains("parser:"));
  }
}
