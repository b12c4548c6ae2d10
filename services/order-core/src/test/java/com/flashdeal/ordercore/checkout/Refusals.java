package com.flashdeal.ordercore.checkout;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ApiException;

/** The order tests' way to read a refusal: its contract code, or null when nothing was refused. */
final class Refusals {
  private Refusals() {}

  static ErrorCode codeOf(Runnable r) {
    try {
      r.run();
    } catch (ApiException e) {
      return e.code();
    }
    return null;
  }
}
