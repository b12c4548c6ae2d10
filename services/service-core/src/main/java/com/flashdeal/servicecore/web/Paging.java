package com.flashdeal.servicecore.web;

import com.flashdeal.contract.common.model.PageMeta;

/**
 * Page arithmetic shared by the list endpoints; the contract already bounds page (0-10000) and size
 * (1-100).
 */
public record Paging(int number, int size) {
  public static Paging of(Integer page, Integer size) {
    return new Paging(page == null ? 0 : page, size == null ? 20 : size);
  }

  public long offset() {
    return (long) number * size;
  }

  public PageMeta meta(long total) {
    return new PageMeta(number, size, total, (int) ((total + size - 1) / size));
  }
}
