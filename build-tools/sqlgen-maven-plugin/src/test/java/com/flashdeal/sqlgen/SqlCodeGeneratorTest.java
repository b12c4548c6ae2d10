package com.flashdeal.sqlgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the generator on real files and compiles what it writes with the JDK's compiler. */
class SqlCodeGeneratorTest {

  @TempDir Path tmp;

  private Path sqlDir() throws IOException {
    return Files.createDirectories(tmp.resolve("module/src/main/resources/sql"));
  }

  private Path out() {
    return tmp.resolve("module/target/generated-sources/sqlgen");
  }

  private List<Path> generate() throws Exception {
    return new SqlCodeGenerator("com.example.sql").generate(sqlDir(), out(), tmp.resolve("module"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void generatedConstantsCompileAndWorkInsideAnnotations() throws Exception {
    Files.writeString(
        sqlDir().resolve("hot-deals.sql"),
        """
        -- name: FindDeal :one
        SELECT id, "title" FROM deal WHERE id = :id AND note <> 'a\\b "quoted" ''x''';

        -- name: ReserveStock :execrows
        UPDATE deal SET remaining = remaining - :quantity WHERE id = :id AND remaining >= :quantity;
        """);
    Files.createDirectories(sqlDir().resolve("admin"));
    Files.writeString(
        sqlDir().resolve("admin/audit.sql"),
        "-- name: CountAudit :one\nSELECT count(*) FROM audit;\n");

    List<Path> written = generate();
    assertThat(written)
        .extracting(p -> out().relativize(p).toString())
        .containsExactlyInAnyOrder(
            "com/example/sql/HotDealsSql.java", "com/example/sql/admin/AuditSql.java");

    // A consumer shaped like a Micronaut Data / Spring Data repository: the constant must be usable
    // in an annotation.
    Path consumer = tmp.resolve("src/com/example/repo/DealRepository.java");
    Files.createDirectories(consumer.getParent());
    Files.writeString(
        consumer,
        """
        package com.example.repo;
        import com.example.sql.HotDealsSql;
        @interface Query { String value(); }
        interface DealRepository {
          @Query(HotDealsSql.RESERVE_STOCK) int reserve(long id, int quantity);
        }
        """);
    Path classes = compile(Stream.concat(written.stream(), Stream.of(consumer)).toList());

    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()})) {
      Class<?> generated = loader.loadClass("com.example.sql.HotDealsSql");
      assertThat(generated.getField("FIND_DEAL").get(null))
          .isEqualTo(
              "SELECT id, \"title\" FROM deal WHERE id = :id AND note <> 'a\\b \"quoted\" ''x'''");
      assertThat(generated.getField("RESERVE_STOCK").get(null))
          .isEqualTo(
              "UPDATE deal SET remaining = remaining - :quantity WHERE id = :id AND remaining >= :quantity");
      assertThat((Map<Object, Object>) generated.getField("ALL").get(null))
          .containsOnlyKeys("FindDeal", "ReserveStock");
      assertThat((Map<Object, Object>) generated.getField("PARAMETERS").get(null))
          .containsEntry("ReserveStock", List.of("quantity", "id"));
    }
  }

  @Test
  void aWrongQueryNameFailsCompilation() throws Exception {
    Files.writeString(sqlDir().resolve("deals.sql"), "-- name: FindDeal :one\nSELECT 1;\n");
    List<Path> written = generate();
    Path consumer = tmp.resolve("src/Use.java");
    Files.createDirectories(consumer.getParent());
    Files.writeString(consumer, "class Use { String q = com.example.sql.DealsSql.FIND_DEALS; }");

    List<Path> sources = new ArrayList<>(written);
    sources.add(consumer);
    assertThatThrownBy(() -> compile(sources)).hasMessageContaining("FIND_DEALS");
  }

  @Test
  void problemsOfAllFilesAreReportedAndNothingIsWritten() throws Exception {
    Files.writeString(sqlDir().resolve("a.sql"), "-- name: Good :one\nSELECT 1;\n");
    Files.writeString(
        sqlDir().resolve("b.sql"), "-- name: Dup :one\nSELECT 1;\n-- name: Dup :one\nSELECT 2;\n");
    Files.writeString(sqlDir().resolve("c.sql"), "\n\n-- name: NoCard\nSELECT 1;\n");

    assertThatThrownBy(this::generate)
        .isInstanceOf(SqlFileException.class)
        .hasMessageContaining("src/main/resources/sql/b.sql:3: duplicate query name 'Dup'")
        .hasMessageContaining("src/main/resources/sql/c.sql:3: missing cardinality");
    assertThat(out()).doesNotExist();
  }

  @Test
  void anEmptyFolderIsAnError() throws Exception {
    sqlDir();
    assertThatThrownBy(this::generate).hasMessageContaining("no .sql files");
  }

  @Test
  void classNamesComeFromFileNames() {
    assertThat(JavaEmitter.className("deals.sql")).isEqualTo("DealsSql");
    assertThat(JavaEmitter.className("hot-deals.sql")).isEqualTo("HotDealsSql");
    assertThat(JavaEmitter.className("stock_reservation.sql")).isEqualTo("StockReservationSql");
    assertThat(JavaEmitter.className("1st.sql")).isEqualTo("Q1stSql");
  }

  @Test
  void rejectsABadPackageName() {
    assertThatThrownBy(() -> new SqlCodeGenerator("Com.Example"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Path compile(List<Path> sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      boolean ok =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of("--release", "21", "-d", classes.toString()),
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      if (!ok) {
        throw new AssertionError("compilation failed: " + diagnostics.getDiagnostics());
      }
    }
    return classes;
  }
}
