package com.flashdeal.harness.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * JdbcClient on one service database, for the harness's few queries (named parameters bound by
 * Spring, the SQL from sqlgen's generated constants). A connection per statement: the harness asks
 * a handful of questions per run, never in the measured window.
 */
public final class Jdbc {
  private Jdbc() {}

  public static JdbcClient client(Platform.Database db) {
    return JdbcClient.create(
        new SimpleDriverDataSource(
            new org.postgresql.Driver(), db.url(), db.user(), db.password()));
  }
}
