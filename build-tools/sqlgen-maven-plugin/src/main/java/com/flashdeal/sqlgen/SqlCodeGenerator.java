package com.flashdeal.sqlgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole build step without Maven: a folder of {@code .sql} files in, a folder of Java sources
 * out.
 */
public final class SqlCodeGenerator {
  private final String packageName;
  private final SqlFileParser parser = new SqlFileParser();
  private final JavaEmitter emitter = new JavaEmitter();

  public SqlCodeGenerator(String packageName) {
    if (!packageName.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
      throw new IllegalArgumentException("not a Java package name: '" + packageName + "'");
    }
    this.packageName = packageName;
  }

  /**
   * Parses every file first and writes only when all are valid, so a broken file never leaves a
   * half-updated set of classes behind.
   *
   * @param relativeTo problems and docs name files relative to this folder (the module), or
   *     absolute if null
   * @return the generated files
   * @throws SqlFileException with the problems of every invalid file
   */
  public List<Path> generate(Path sqlDirectory, Path outputDirectory, Path relativeTo)
      throws IOException, SqlFileException {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(sqlDirectory)) {
      sources =
          walk.filter(p -> p.toString().endsWith(".sql"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
    if (sources.isEmpty()) {
      throw new SqlFileException(
          List.of(new SqlProblem(sqlDirectory.toString(), 1, "no .sql files in this folder")));
    }
    List<SqlProblem> problems = new ArrayList<>();
    List<Generated> pending = new ArrayList<>();
    for (Path source : sources) {
      String shown =
          relativeTo == null
              ? source.toString()
              : relativeTo.relativize(source.toAbsolutePath()).toString();
      String text = Files.readString(source, StandardCharsets.UTF_8);
      try {
        SqlFile file = parser.parse(shown, text);
        Path rel = sqlDirectory.relativize(source);
        String pkg = packageName + subPackage(rel.getParent());
        String cls = JavaEmitter.className(rel.getFileName().toString());
        Path target = outputDirectory.resolve(pkg.replace('.', '/')).resolve(cls + ".java");
        pending.add(new Generated(target, emitter.emit(pkg, cls, file)));
      } catch (SqlFileException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new SqlFileException(problems);
    }
    List<Path> written = new ArrayList<>();
    for (Generated g : pending) {
      Files.createDirectories(g.target.getParent());
      Files.writeString(g.target, g.source, StandardCharsets.UTF_8);
      written.add(g.target);
    }
    return written;
  }

  private record Generated(Path target, String source) {}

  private static String subPackage(Path relParent) {
    if (relParent == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (Path part : relParent) {
      out.append('.')
          .append(part.toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_"));
    }
    return out.toString();
  }
}
