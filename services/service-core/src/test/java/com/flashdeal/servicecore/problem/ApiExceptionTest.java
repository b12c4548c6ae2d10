package com.flashdeal.servicecore.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.deal.DealTerms;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {

  @Test
  void aRefusalCarriesNoStackTrace() {
    // A sale answers most of its buyers with one of these: filling in a trace per refusal walked
    // the whole request stack for nothing.
    ApiException soldOut = DealTerms.soldOut(42);

    assertEquals(0, soldOut.getStackTrace().length);
    assertEquals(409, soldOut.status());
    assertEquals(ErrorCode.SOLD_OUT, soldOut.code());
    assertEquals("Deal 42 has not enough units left.", soldOut.getMessage());
  }

  @Test
  void aCauseCanStillBeGiven() {
    // A dependency that is down is answered 503 with what failed as the cause (RedisCalls).
    ApiException unavailable =
        new ApiException(503, ErrorCode.UPSTREAM_UNAVAILABLE, "Redis is not reachable.");
    IllegalStateException down = new IllegalStateException("connection refused");

    unavailable.initCause(down);

    assertEquals(down, unavailable.getCause());
  }
}
