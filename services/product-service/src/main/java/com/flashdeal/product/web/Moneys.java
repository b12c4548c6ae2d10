package com.flashdeal.product.web;

import com.flashdeal.contract.common.model.Money;

/** Money in the contract's shape: minor units and an ISO 4217 code. */
public final class Moneys {
  private Moneys() {}

  public static Money of(long amountMinor, String currency) {
    return new Money(amountMinor, currency.strip());
  }
}
