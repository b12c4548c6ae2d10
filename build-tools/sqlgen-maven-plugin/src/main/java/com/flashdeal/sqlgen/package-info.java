/**
 * SQL first: every business query lives in a {@code .sql} file in sqlc's annotated form ({@code --
 * name: FindDeal :one}); this build step turns each file into a Java class of {@code static final
 * String} constants, so the Spring services (JdbcClient) and the Micronaut one ({@code @Query}) run
 * the very same SQL and a wrong query name fails compilation instead of failing at run time.
 */
package com.flashdeal.sqlgen;
