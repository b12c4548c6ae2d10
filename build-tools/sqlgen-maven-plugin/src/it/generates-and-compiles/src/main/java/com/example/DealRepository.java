package com.example;

import com.example.sql.HotDealsSql;

/** Shaped like a Micronaut Data repository: the generated constants must be usable in annotations. */
interface DealRepository {
  @interface Query {
    String value();
  }

  @Query(HotDealsSql.RESERVE_STOCK)
  int reserve(long id, int quantity);

  String FIND = HotDealsSql.FIND_DEAL;
}
