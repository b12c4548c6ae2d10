package com.flashdeal.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A named bundle of settings from {@code variants/<name>.env}: the one definition shared by the
 * launcher, the harness and the Helm values.
 *
 * @param name the file name without {@code .env}
 * @param description the first comment line
 * @param env the variables every service of the system receives
 */
public record Variant(String name, String description, Map<String, String> env) {
  public static final String DEFAULT = "phase1-db-atomic";
  private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

  public Variant {
    env = Map.copyOf(env);
  }

  /**
   * Whether this variant's orders go through RabbitMQ (Phase 5: {@code
   * FLASHDEAL_ORDER_FLOW=async}).
   */
  public boolean needsBroker() {
    return "async".equals(env.get("FLASHDEAL_ORDER_FLOW"));
  }

  public static List<String> names(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".env"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new LauncherException("cannot list variants in " + dir + ": " + e.getMessage(), e);
    }
  }

  public static Variant load(Path dir, String name) {
    Path file = dir.resolve(name + ".env");
    if (!Files.isRegularFile(file)) {
      throw new LauncherException(
          "unknown variant '" + name + "'; known: " + names(dir) + " (files in " + dir + ")");
    }
    try {
      return parse(name, Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new LauncherException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static Variant parse(String name, List<String> lines, String source) {
    String description = "";
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (description.isEmpty()) {
          description = line.substring(1).strip();
        }
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq).strip();
      if (eq < 0 || !KEY.matcher(key).matches()) {
        throw new LauncherException(
            source
                + ":"
                + (i + 1)
                + ": expected KEY=VALUE with an upper-case key, got '"
                + line
                + "'");
      }
      if (env.put(key, line.substring(eq + 1).strip()) != null) {
        throw new LauncherException(source + ":" + (i + 1) + ": " + key + " is set twice");
      }
    }
    return new Variant(name, description, env);
  }
}
