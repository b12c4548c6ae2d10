package com.flashdeal.sqlgen;

import java.util.List;

/**
 * A parsed {@code .sql} file.
 *
 * @param source how messages and generated docs name the file (a path relative to the module)
 * @param queries its queries in file order
 */
public record SqlFile(String source, List<NamedQuery> queries) {
  public SqlFile {
    queries = List.copyOf(queries);
  }
}
