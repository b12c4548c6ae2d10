package com.flashdeal.servicecore.sql;

import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Array parameters of the {@code .sql} files: a PostgreSQL array literal ({@code '{a,b}'}), which
 * the statement casts ({@code CAST(:ids AS uuid[])}), so one named parameter carries the whole
 * list.
 */
public final class SqlArrays {
  private SqlArrays() {}

  public static String uuids(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
  }
}
