package com.flashdeal.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The order answer rules the oracle relies on, and the ledger line the harness parses. */
class AnswersTest {

  @Test
  void answersAreClassifiedAsTheContractDefinesThem() {
    var none = Answers.json("");
    assertThat(Answers.classify(201, false, 1, "", null, false)).isEqualTo(Answers.Outcome.CREATED);
    assertThat(Answers.classify(409, false, 1, "SOLD_OUT", null, false))
        .isEqualTo(Answers.Outcome.SOLD_OUT);
    assertThat(Answers.classify(409, false, 1, "ALREADY_ORDERED", null, false))
        .isEqualTo(Answers.Outcome.ERROR);
    assertThat(Answers.classify(429, false, 1, "", null, false))
        .isEqualTo(Answers.Outcome.RATE_LIMITED);
    assertThat(Answers.classify(503, false, 3, "OVERLOADED", null, false))
        .isEqualTo(Answers.Outcome.ERROR);
    assertThat(Answers.classify(201, true, 1, "", null, false))
        .as("a replayed first attempt: the scenario sent one arrival twice")
        .isEqualTo(Answers.Outcome.REPLAYED);
    assertThat(Answers.classify(201, true, 2, "", null, false))
        .as("a replay after a retry is how the buyer learns of the order")
        .isEqualTo(Answers.Outcome.CREATED);
    assertThat(
            Answers.classify(202, false, 1, "", Answers.json("{\"status\":\"CONFIRMED\"}"), true))
        .isEqualTo(Answers.Outcome.CREATED);
    assertThat(
            Answers.classify(
                202,
                false,
                1,
                "",
                Answers.json("{\"status\":\"REJECTED\",\"rejectionCode\":\"SOLD_OUT\"}"),
                true))
        .isEqualTo(Answers.Outcome.SOLD_OUT);
    assertThat(Answers.classify(202, false, 1, "", Answers.json("{\"status\":\"PENDING\"}"), true))
        .as("gave up polling")
        .isEqualTo(Answers.Outcome.ERROR);
    assertThat(Answers.classify(202, false, 1, "", none, false)).isEqualTo(Answers.Outcome.CREATED);
  }

  @Test
  void retriesFollowRetryAfterWithinBounds() {
    assertThat(Answers.retryable(0)).isTrue();
    assertThat(Answers.retryable(503)).isTrue();
    assertThat(Answers.retryable(409)).isFalse();
    assertThat(Answers.retryAfterMs(null)).isEqualTo(1000);
    assertThat(Answers.retryAfterMs("0")).isEqualTo(200);
    assertThat(Answers.retryAfterMs("60")).isEqualTo(5000);
    assertThat(Answers.retryAfterMs("soon")).isEqualTo(1000);
  }

  @Test
  void theLedgerLineCarriesWhatTheOracleReads() {
    String created =
        Answers.ledgerLine(
            7,
            1000,
            1010,
            201,
            Answers.json("{\"id\":\"o-7\",\"dealId\":42,\"quantity\":1}"),
            42,
            10.5,
            null,
            false,
            10.5);
    assertThat(created).isEqualTo("A|7|1000|1010|201||o-7|42|1|10.500|10.500");
    String soldOut =
        Answers.ledgerLine(
            8, 1000, 1003, 409, Answers.json("{\"code\":\"SOLD_OUT\"}"), 42, 3, null, false, 3);
    assertThat(soldOut).isEqualTo("A|8|1000|1003|409|SOLD_OUT||42||3.000|3.000");
    String rejected =
        Answers.ledgerLine(
            9,
            1000,
            1900,
            202,
            Answers.json("{\"id\":\"o-9\",\"dealId\":42,\"quantity\":1,\"status\":\"PENDING\"}"),
            42,
            4,
            Answers.json("{\"status\":\"REJECTED\",\"rejectionCode\":\"SOLD_OUT\"}"),
            true,
            900);
    assertThat(rejected).isEqualTo("A|9|1000|1900|202|SOLD_OUT|o-9|42|1|4.000|900.000");
  }
}
