package com.flashdeal.product.deal;

import com.flashdeal.contract.product.model.Deal;
import com.flashdeal.contract.product.model.DealStatus;
import com.flashdeal.product.web.Moneys;
import com.flashdeal.servicecore.deal.DealTerms;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A deal row. Its status is not stored: it follows from the clock and the remaining units. */
public record DealRecord(
    long id,
    long productId,
    String title,
    long priceMinor,
    String currency,
    int quantity,
    int remaining,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    int perUserLimit) {

  /** The rules that never change once the deal exists (window, per-user limit). */
  public DealTerms terms() {
    return new DealTerms(id, startsAt, endsAt, perUserLimit);
  }

  public boolean activeAt(Instant now) {
    return terms().activeAt(now);
  }

  public DealStatus statusAt(Instant now) {
    if (now.isBefore(startsAt.toInstant())) {
      return DealStatus.UPCOMING;
    }
    if (!now.isBefore(endsAt.toInstant())) {
      return DealStatus.ENDED;
    }
    return remaining == 0 ? DealStatus.SOLD_OUT : DealStatus.ACTIVE;
  }

  public Deal toApi(Instant now) {
    return new Deal(
        id,
        productId,
        title,
        Moneys.of(priceMinor, currency),
        quantity,
        remaining,
        startsAt,
        endsAt,
        perUserLimit,
        statusAt(now));
  }

  static DealRecord map(ResultSet rs, int n) throws SQLException {
    return new DealRecord(
        rs.getLong("id"),
        rs.getLong("product_id"),
        rs.getString("title"),
        rs.getLong("deal_price_minor"),
        rs.getString("currency").strip(),
        rs.getInt("quantity"),
        rs.getInt("remaining"),
        rs.getObject("starts_at", OffsetDateTime.class),
        rs.getObject("ends_at", OffsetDateTime.class),
        rs.getInt("per_user_limit"));
  }
}
