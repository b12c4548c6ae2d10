package com.flashdeal.product.stock;

/** Takes units from a deal's remaining quantity, inside the caller's transaction. */
public interface StockStrategy {

  /** The configuration name ({@code db-atomic}, ...). */
  String name();

  /**
   * @return true if {@code quantity} units were taken; false (and nothing changed) if fewer remain
   */
  boolean take(long dealId, int quantity);

  /**
   * Whether {@link #take} is db-atomic's conditional decrement, which the database can then run
   * with the rest of a reservation in one statement ({@code reserve_atomically}, migration V7).
   */
  default boolean conditionalDecrement() {
    return false;
  }
}
