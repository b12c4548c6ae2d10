package com.flashdeal.servicecore.deal;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The rules of a deal that never change once it exists — its window and its per-user limit — and
 * the one way every service refuses by them. product-service (the reservation, the stock gate) and
 * order-service (the asynchronous flow's admission, the sold-out answer) answer with the same codes
 * and the same words.
 */
public record DealTerms(
    long dealId, OffsetDateTime startsAt, OffsetDateTime endsAt, int perUserLimit) {

  /** Inside the window: from its start, up to but excluding its end. */
  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt.toInstant()) && now.isBefore(endsAt.toInstant());
  }

  /**
   * What refuses an order of {@code quantity} units at {@code now} before any stock is looked at:
   * outside the window (DEAL_NOT_ACTIVE), over the per-user limit (LIMIT_EXCEEDED); null when
   * nothing does.
   */
  public ApiException refusal(Instant now, int quantity) {
    if (!activeAt(now)) {
      return notActive(now);
    }
    if (quantity > perUserLimit) {
      return limitExceeded();
    }
    return null;
  }

  public ApiException notActive(Instant now) {
    return ApiException.conflict(
        ErrorCode.DEAL_NOT_ACTIVE,
        now.isBefore(startsAt.toInstant())
            ? "Deal " + dealId + " starts at " + startsAt + "."
            : "Deal " + dealId + " ended at " + endsAt + ".");
  }

  public ApiException limitExceeded() {
    return ApiException.conflict(
        ErrorCode.LIMIT_EXCEEDED,
        "Deal " + dealId + " allows " + perUserLimit + " unit(s) per user.");
  }

  /** Not enough units left for the order (none, or fewer than it asks for). */
  public static ApiException soldOut(long dealId) {
    return ApiException.conflict(
        ErrorCode.SOLD_OUT, "Deal " + dealId + " has not enough units left.");
  }
}
