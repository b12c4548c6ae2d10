package com.flashdeal.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The house rules for Flash Deal contracts, on top of what the OpenAPI parser itself rejects. Each
 * finding names the spec, the operation and the rule, so a failing build says exactly what to fix.
 */
final class SpecLinter {

  static final String PROBLEM_JSON = "application/problem+json";
  static final String JSON = "application/json";
  static final String INTERNAL_FLAG = "x-flashdeal-internal";

  /** Parses with every $ref resolved inline, so rules see shared responses as they are served. */
  static SwaggerParseResult parse(Path spec) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    return new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
  }

  /**
   * @param allowedPrefixes the path prefixes this service owns (data ownership shows in the URL
   *     space)
   */
  List<String> lint(Path spec, List<String> allowedPrefixes) {
    List<String> findings = new ArrayList<>();
    String name = spec.getFileName().toString();
    SwaggerParseResult result = parse(spec);
    if (result.getMessages() != null) {
      result.getMessages().forEach(m -> findings.add(name + ": parser: " + m));
    }
    OpenAPI api = result.getOpenAPI();
    if (api == null) {
      findings.add(name + ": not an OpenAPI document");
      return findings;
    }
    if (api.getOpenapi() == null || !api.getOpenapi().startsWith("3.0.")) {
      findings.add(name + ": must be OpenAPI 3.0.x, is " + api.getOpenapi());
    }
    if (api.getPaths() == null || api.getPaths().isEmpty()) {
      findings.add(name + ": no operations");
      return findings;
    }
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      if (allowedPrefixes.stream().noneMatch(path.getKey()::startsWith)) {
        findings.add(
            name
                + ": path "
                + path.getKey()
                + " is outside this service's prefixes "
                + allowedPrefixes);
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().readOperationsMap().entrySet()) {
        String where = name + ": " + op.getKey() + " " + path.getKey();
        lintOperation(api, path.getKey(), op.getValue(), where, findings);
      }
    }
    return findings;
  }

  private static void lintOperation(
      OpenAPI api, String path, Operation op, String where, List<String> findings) {
    if (op.getOperationId() == null || op.getOperationId().isBlank()) {
      findings.add(where + ": needs an operationId (it becomes the Java method name)");
    }
    if (op.getTags() == null || op.getTags().isEmpty()) {
      findings.add(where + ": needs a tag (it becomes the generated interface)");
    }
    if (op.getSummary() == null || op.getSummary().isBlank()) {
      findings.add(where + ": needs a summary");
    }
    boolean internal =
        op.getExtensions() != null && Boolean.TRUE.equals(op.getExtensions().get(INTERNAL_FLAG));
    if (path.startsWith("/internal/") != internal) {
      findings.add(where + ": /internal/ paths and only they carry " + INTERNAL_FLAG + ": true");
    }
    if (op.getRequestBody() != null) {
      if (!Boolean.TRUE.equals(op.getRequestBody().getRequired())) {
        findings.add(where + ": request body must be required");
      }
      Map<String, MediaType> content = op.getRequestBody().getContent();
      if (content == null || !content.keySet().equals(Set.of(JSON))) {
        findings.add(where + ": request body must be application/json only");
      } else if (!hasExample(content.get(JSON))) {
        findings.add(where + ": request body needs an example");
      }
    }
    Map<String, ApiResponse> responses = op.getResponses() == null ? Map.of() : op.getResponses();
    if (responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
      findings.add(where + ": documents no success (2xx) response");
    }
    if (responses.keySet().stream().noneMatch(s -> s.startsWith("4"))) {
      findings.add(where + ": documents no client error (4xx) response");
    }
    boolean secured =
        op.getSecurity() != null
            ? !op.getSecurity().isEmpty()
            : api.getSecurity() != null && !api.getSecurity().isEmpty();
    if (secured && !responses.containsKey("401")) {
      findings.add(where + ": requires a token but does not document 401");
    }
    if (!internal && !responses.containsKey("429")) {
      findings.add(where + ": is routed by the gateway but does not document 429 (rate limiting)");
    }
    if (op.getRequestBody() != null && !internal) {
      for (String status : List.of("400", "413", "415")) {
        if (!responses.containsKey(status)) {
          findings.add(where + ": takes a body but does not document " + status);
        }
      }
    }
    for (Map.Entry<String, ApiResponse> r : responses.entrySet()) {
      lintResponse(r.getKey(), r.getValue(), where + " -> " + r.getKey(), findings);
    }
  }

  private static void lintResponse(
      String status, ApiResponse response, String where, List<String> findings) {
    if (response.getDescription() == null || response.getDescription().isBlank()) {
      findings.add(where + ": needs a description");
    }
    Map<String, MediaType> content = response.getContent();
    if (content == null || content.isEmpty()) {
      if (!status.equals("204")) {
        findings.add(where + ": needs a body (only 204 may be empty)");
      }
      return;
    }
    boolean error = status.startsWith("4") || status.startsWith("5");
    Set<String> expected = Set.of(error ? PROBLEM_JSON : JSON);
    if (!content.keySet().equals(expected)) {
      findings.add(where + ": content must be exactly " + expected + ", is " + content.keySet());
    }
    for (Map.Entry<String, MediaType> media : content.entrySet()) {
      if (!hasExample(media.getValue())) {
        findings.add(where + ": " + media.getKey() + " needs an example");
      }
      if (error) {
        Schema<?> schema = media.getValue().getSchema();
        Map<String, Schema> props = schema == null ? null : schema.getProperties();
        if (props == null
            || !props.keySet().containsAll(Set.of("type", "title", "status", "code"))) {
          findings.add(
              where + ": error body must be the shared Problem (type, title, status, code)");
        }
      }
    }
  }

  private static boolean hasExample(MediaType media) {
    return media.getExample() != null
        || (media.getExamples() != null && !media.getExamples().isEmpty());
  }
}
