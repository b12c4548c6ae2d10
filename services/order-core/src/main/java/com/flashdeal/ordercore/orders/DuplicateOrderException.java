package com.flashdeal.ordercore.orders;

/**
 * The order insert was refused by a unique constraint; {@link #constraint()} says which one, read
 * from the database's message ("... unique constraint \"name\""), null when it is none of ours.
 */
public final class DuplicateOrderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One order per user and deal. */
  public static final String ONE_PER_DEAL = "customer_order_one_per_user_and_deal";

  /** The order id is settled already (as ABANDONED by the reaper, or ORDERED by a racing twin). */
  public static final String SETTLED = "order_settlement_pkey";

  private final String constraint;

  public DuplicateOrderException(Throwable cause) {
    super(cause);
    this.constraint = constraintOf(cause);
  }

  public String constraint() {
    return constraint;
  }

  private static String constraintOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      for (String name : new String[] {ONE_PER_DEAL, SETTLED}) {
        if (message.contains("\"" + name + "\"")) {
          return name;
        }
      }
    }
    return null;
  }
}
