package com.flashdeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bad input generated from the contracts: for every operation the gateway routes, take the
 * documented example request and break it one way at a time. Every answer must be a documented 4xx
 * problem+json (the client validates it against the contract), never a 5xx, and nothing may be
 * written.
 */
class BadInputSweepE2E {
  private static final List<String> SPECS =
      List.of("auth-service.v1.yaml", "product-service.v1.yaml", "order-service.v1.yaml");
  private static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1' --",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1/x}",
          "../../etc/passwd",
          "\u0000");
  private static final JsonNode WRONG_SCALAR =
      ContractClient.JSON.createObjectNode().put("unexpected", "object");

  record Case(
      String operation,
      String method,
      String path,
      Map<String, String> headers,
      String contentType,
      String body) {}

  @Test
  void everyOperationAnswersBadInputWithADocumented4xxAndWritesNothing() throws Exception {
    String user = Shop.newUser().token();
    String admin = Shop.admin();
    List<Case> cases = new ArrayList<>();
    for (String spec : SPECS) {
      cases.addAll(casesFor(load(spec)));
    }
    assertThat(cases).hasSizeGreaterThan(100);

    Map<String, Long> before = Rows.count();
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      String token =
          c.path.startsWith("/auth/login") || c.path.startsWith("/auth/signup")
              ? null
              : c.path.startsWith("/auth") ? user : admin;
      ContractClient.Response r;
      try {
        r = ContractClient.send(c.method, c.path, token, c.contentType, c.body, c.headers, false);
      } catch (AssertionError e) {
        failures.add(
            c.operation + " " + c.path + " " + abbreviate(c.body) + " -> " + e.getMessage());
        continue;
      }
      if (r.status() < 400
          || r.status() >= 500
          || r.contentType() == null
          || !r.contentType().startsWith("application/problem+json")) {
        failures.add(
            c.operation
                + " "
                + c.method
                + " "
                + c.path
                + " "
                + abbreviate(c.body)
                + " -> "
                + r.status()
                + " "
                + abbreviate(r.body()));
      }
    }
    System.out.printf(
        "[sweep] %d bad requests sent, %d unexpected answers%n", cases.size(), failures.size());
    assertThat(failures).as("bad input that was not a documented 4xx problem").isEmpty();
    assertThat(Rows.count()).as("row counts unchanged by the sweep").isEqualTo(before);
  }

  private static OpenAPI load(String spec) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    return new OpenAPIV3Parser()
        .read(TheSystem.repo().resolve("api-spec").resolve(spec).toUri().toString(), null, options);
  }

  private static List<Case> casesFor(OpenAPI api) throws Exception {
    List<Case> cases = new ArrayList<>();
    for (var pathEntry : api.getPaths().entrySet()) {
      if (pathEntry.getKey().startsWith("/internal")) {
        continue; // never routed; InternalRoutes are covered by FlashSaleE2E
      }
      for (var opEntry : pathEntry.getValue().readOperationsMap().entrySet()) {
        Operation op = opEntry.getValue();
        String method = opEntry.getKey().name();
        List<Parameter> params = new ArrayList<>();
        if (pathEntry.getValue().getParameters() != null)
          params.addAll(pathEntry.getValue().getParameters());
        if (op.getParameters() != null) params.addAll(op.getParameters());
        String validPath = pathEntry.getKey();
        for (Parameter p : params) {
          if ("path".equals(p.getIn()))
            validPath = validPath.replace("{" + p.getName() + "}", String.valueOf(p.getExample()));
        }
        Map<String, String> validHeaders = new LinkedHashMap<>();
        for (Parameter p : params) {
          if ("header".equals(p.getIn()))
            validHeaders.put(p.getName(), "sweep-" + UUID.randomUUID());
        }
        String example = null;
        if (op.getRequestBody() != null) {
          var media = op.getRequestBody().getContent().get("application/json");
          example = ContractClient.JSON.writeValueAsString(media.getExample());
        }
        String name = op.getOperationId();

        // Path, query and header parameters.
        for (Parameter p : params) {
          if ("path".equals(p.getIn())) {
            for (String bad :
                List.of("abc", "-1", "0", "99999999999999999999999", "%27%20OR%201%3D1")) {
              cases.add(
                  new Case(
                      name,
                      method,
                      pathEntry
                          .getKey()
                          .replace("{" + p.getName() + "}", bad)
                          .replaceAll("\\{[^}]+}", "1"),
                      validHeaders,
                      json(example),
                      example));
            }
          } else if ("query".equals(p.getIn())) {
            Schema<?> s = p.getSchema();
            List<String> bad = new ArrayList<>(List.of("x"));
            if (s.getMinimum() != null)
              bad.add(s.getMinimum().subtract(java.math.BigDecimal.ONE).toPlainString());
            if (s.getMaximum() != null)
              bad.add(s.getMaximum().add(java.math.BigDecimal.ONE).toPlainString());
            for (String v : bad)
              cases.add(
                  new Case(
                      name,
                      method,
                      validPath + "?" + p.getName() + "=" + v,
                      validHeaders,
                      json(example),
                      example));
          } else if ("header".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired())) {
            Map<String, String> missing = new LinkedHashMap<>(validHeaders);
            missing.remove(p.getName());
            cases.add(new Case(name, method, validPath, missing, json(example), example));
            for (String v : List.of("abc", "x".repeat(200), "has spaces and ' quotes")) {
              Map<String, String> h = new LinkedHashMap<>(validHeaders);
              h.put(p.getName(), v);
              cases.add(new Case(name, method, validPath, h, json(example), example));
            }
          }
        }
        if (example == null) {
          continue;
        }
        Schema<?> schema = op.getRequestBody().getContent().get("application/json").getSchema();
        ObjectNode valid = (ObjectNode) ContractClient.JSON.readTree(example);
        // Whole-body breakage.
        for (String body : List.of("{", "[]", "null", "\"text\"", "{\"a\":" + "[".repeat(5000))) {
          cases.add(new Case(name, method, validPath, validHeaders, "application/json", body));
        }
        cases.add(
            new Case(
                name,
                method,
                validPath,
                validHeaders,
                "application/json",
                "{\"pad\":\"" + "x".repeat(70_000) + "\"}"));
        cases.add(new Case(name, method, validPath, validHeaders, "text/plain", example));
        // Field by field.
        for (String body : fieldMutations(valid, schema)) {
          cases.add(new Case(name, method, validPath, validHeaders, "application/json", body));
        }
      }
    }
    return cases;
  }

  /**
   * One broken body per way a field can be wrong, recursing one level into nested objects (Money).
   */
  private static List<String> fieldMutations(ObjectNode valid, Schema<?> schema) throws Exception {
    List<String> bodies = new ArrayList<>();
    Map<String, Schema> props = schema.getProperties() == null ? Map.of() : schema.getProperties();
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    for (String field : required) {
      ObjectNode b = valid.deepCopy();
      b.remove(field);
      bodies.add(b.toString());
    }
    ObjectNode unknown = valid.deepCopy();
    unknown.put("undocumentedField", "x");
    bodies.add(unknown.toString());
    for (var e : props.entrySet()) {
      String field = e.getKey();
      Schema<?> s = e.getValue();
      String type =
          s.getType() != null
              ? s.getType()
              : (s.getTypes() != null && !s.getTypes().isEmpty()
                  ? s.getTypes().iterator().next()
                  : "object");
      List<JsonNode> bad = new ArrayList<>();
      switch (type) {
        case "integer", "number" -> {
          bad.add(WRONG_SCALAR);
          if (s.getMinimum() != null)
            bad.add(
                ContractClient.JSON
                    .getNodeFactory()
                    .numberNode(s.getMinimum().subtract(java.math.BigDecimal.ONE).toBigInteger()));
          if (s.getMaximum() != null)
            bad.add(
                ContractClient.JSON
                    .getNodeFactory()
                    .numberNode(s.getMaximum().add(java.math.BigDecimal.ONE).toBigInteger()));
          bad.add(
              ContractClient.JSON
                  .getNodeFactory()
                  .numberNode(new java.math.BigInteger("99999999999999999999999999")));
        }
        case "string" -> {
          bad.add(WRONG_SCALAR);
          if (s.getMaxLength() != null)
            bad.add(
                ContractClient.JSON.getNodeFactory().textNode("a".repeat(s.getMaxLength() + 1)));
          // Injection-looking text is only *invalid* where the contract constrains the shape;
          // "password" is a format
          // in name only (any text of the right length is a legal password), so it is not a target.
          // A pattern makes invalid only the texts it does not match (JSON Schema: a search, not a
          // whole match): '^[^\u0000]*$' on a stored name refuses U+0000 and nothing else.
          boolean constrained =
              (s.getFormat() != null && !"password".equals(s.getFormat())) || s.getEnum() != null;
          java.util.regex.Pattern pattern =
              s.getPattern() == null ? null : java.util.regex.Pattern.compile(s.getPattern());
          INJECTIONS.stream()
              .filter(i -> constrained || (pattern != null && !pattern.matcher(i).find()))
              .forEach(i -> bad.add(ContractClient.JSON.getNodeFactory().textNode(i)));
        }
        case "object" -> {
          bad.add(ContractClient.JSON.getNodeFactory().textNode("not an object"));
          if (valid.get(field) instanceof ObjectNode nested) {
            for (String inner : fieldMutations(nested, s)) {
              ObjectNode b = valid.deepCopy();
              b.set(field, ContractClient.JSON.readTree(inner));
              bodies.add(b.toString());
            }
          }
        }
        default -> bad.add(WRONG_SCALAR);
      }
      for (JsonNode v : bad) {
        ObjectNode b = valid.deepCopy();
        b.set(field, v);
        bodies.add(b.toString());
      }
    }
    return bodies;
  }

  private static String json(String example) {
    return example == null ? null : "application/json";
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }
}
