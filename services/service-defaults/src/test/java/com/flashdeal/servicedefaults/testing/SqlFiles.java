package com.flashdeal.servicedefaults.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every query of a service's .sql files against the real database, each in a rolled-back
 * transaction. The queries come from the generated {@code ALL} / {@code PARAMETERS} maps, so a new
 * query is covered without touching the test, and a new parameter name fails until a sample value
 * is given for it.
 */
public final class SqlFiles {
  private SqlFiles() {}

  /** One generated class: its {@code ALL} and {@code PARAMETERS} maps. */
  public record QueryFile(Map<String, String> all, Map<String, List<String>> parameters) {}

  /**
   * @return how many queries ran
   */
  public static int runEveryQuery(
      JdbcClient jdbc, TransactionTemplate tx, List<QueryFile> files, Map<String, Object> samples) {
    int ran = 0;
    for (QueryFile file : files) {
      for (var query : file.all().entrySet()) {
        Map<String, Object> params = new HashMap<>();
        for (String p : file.parameters().get(query.getKey())) {
          assertThat(samples)
              .as("sample value for :%s (query %s)", p, query.getKey())
              .containsKey(p);
          params.put(p, samples.get(p));
        }
        String sql = query.getValue();
        assertThatCode(
                () ->
                    tx.executeWithoutResult(
                        status -> {
                          var spec = jdbc.sql(sql).params(params);
                          if (returnsRows(sql)) {
                            spec.query().listOfRows();
                          } else {
                            spec.update();
                          }
                          status.setRollbackOnly();
                        }))
            .as(query.getKey())
            .doesNotThrowAnyException();
        ran++;
      }
    }
    assertThat(ran).isEqualTo(files.stream().mapToInt(f -> f.all().size()).sum());
    return ran;
  }

  /**
   * Whether the statement answers rows: anything with RETURNING, or one whose main statement is a
   * SELECT. The main statement is the first line that starts with a verb in column 0 (the house
   * style indents a WITH's bodies and everything inside a statement).
   */
  static boolean returnsRows(String sql) {
    String s = sql.stripLeading().toUpperCase(Locale.ROOT);
    if (s.contains("RETURNING")) {
      return true;
    }
    for (String line : s.split("\n")) {
      for (String verb : new String[] {"SELECT", "INSERT", "UPDATE", "DELETE"}) {
        if (line.startsWith(verb)) {
          return verb.equals("SELECT");
        }
      }
    }
    return false;
  }
}
