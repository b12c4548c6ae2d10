package com.flashdeal.product.deal;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.contract.product.model.CreateDealRequest;
import com.flashdeal.product.catalog.CatalogRepository;
import com.flashdeal.servicecore.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating a deal moves units out of the product's free stock in the same transaction. */
@Service
public class DealService {
  private final DealRepository deals;
  private final CatalogRepository products;

  DealService(DealRepository deals, CatalogRepository products) {
    this.deals = deals;
    this.products = products;
  }

  @Transactional
  public DealRecord create(CreateDealRequest request) {
    if (!request.getEndsAt().isAfter(request.getStartsAt())) {
      throw ApiException.invalidField("endsAt", "must be after startsAt");
    }
    if (!products.takeStock(request.getProductId(), request.getQuantity())) {
      var product = products.find(request.getProductId());
      if (product.isEmpty()) {
        throw new ApiException(
            HttpStatus.UNPROCESSABLE_CONTENT.value(),
            ErrorCode.UNKNOWN_PRODUCT,
            "No product with id " + request.getProductId() + ".");
      }
      throw ApiException.conflict(
          ErrorCode.INSUFFICIENT_STOCK,
          "Product %d has %d units available; the deal needs %d."
              .formatted(request.getProductId(), product.get().getStock(), request.getQuantity()));
    }
    String title =
        request.getTitle() != null
            ? request.getTitle()
            : products.find(request.getProductId()).orElseThrow().getName();
    return deals.insert(
        request.getProductId(),
        title,
        request.getDealPrice().getAmountMinor(),
        request.getDealPrice().getCurrency(),
        request.getQuantity(),
        request.getStartsAt(),
        request.getEndsAt(),
        request.getPerUserLimit());
  }
}
