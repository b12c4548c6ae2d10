package com.flashdeal.product.cache;

/** Cache keys written by one use case and evicted by another. */
public final class CatalogKeys {
  private CatalogKeys() {}

  /** A product by id: cached by the catalogue, evicted when a deal takes units of its stock. */
  public static String product(long productId) {
    return "fd:product:" + productId;
  }
}
