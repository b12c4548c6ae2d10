package com.flashdeal.servicedefaults.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are the service's capacity or the database's absence (503), not a bug (500). */
class ProblemAdviceTest {

  @Test
  void noConnectionInTimeIsOverloadWhereverItSitsInTheChain() {
    var hikari = new SQLTransientConnectionException("pool - Connection is not available");
    assertThat(ProblemAdvice.isPoolExhausted(new RuntimeException("tx", hikari))).isTrue();
    assertThat(ProblemAdvice.isPoolExhausted(new RuntimeException("bug"))).isFalse();
  }

  @Test
  void aBrokenConnectionOrARestartingServerIsTheDatabaseBeingAway() {
    assertThat(ProblemAdvice.isDatabaseDown(wrap(new SQLException("I/O error", "08006")))).isTrue();
    assertThat(
            ProblemAdvice.isDatabaseDown(
                wrap(
                    new SQLException(
                        "terminating connection due to administrator command", "57P01"))))
        .isTrue();
    assertThat(ProblemAdvice.isDatabaseDown(wrap(new SQLException("duplicate key", "23505"))))
        .as("a constraint is the request's business")
        .isFalse();
    assertThat(ProblemAdvice.isDatabaseDown(wrap(new SQLException("no state")))).isFalse();
  }

  private static RuntimeException wrap(SQLException e) {
    return new RuntimeException("translated", e);
  }
}
