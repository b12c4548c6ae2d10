package com.flashdeal.product.catalog;

import com.flashdeal.contract.product.api.CatalogApi;
import com.flashdeal.contract.product.model.CreateProductRequest;
import com.flashdeal.contract.product.model.Product;
import com.flashdeal.contract.product.model.ProductPage;
import com.flashdeal.contract.product.model.StockLevel;
import com.flashdeal.product.ProductProperties;
import com.flashdeal.product.cache.CatalogKeys;
import com.flashdeal.product.cache.ReadCache;
import com.flashdeal.servicecore.problem.ApiException;
import com.flashdeal.servicecore.web.Paging;
import com.flashdeal.servicedefaults.security.CurrentUser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The contract's catalogue operations. */
@RestController
class CatalogController implements CatalogApi {
  private final CatalogRepository products;
  private final ReadCache cache;
  private final Duration ttl;
  private final Clock clock;

  CatalogController(
      CatalogRepository products, ReadCache cache, ProductProperties properties, Clock clock) {
    this.products = products;
    this.cache = cache;
    this.ttl = properties.cache().productTtl();
    this.clock = clock;
  }

  @Override
  public ResponseEntity<Product> createProduct(CreateProductRequest request) {
    CurrentUser.requireRole("ADMIN");
    Product created =
        products.insert(
            request.getName(),
            request.getDescription(),
            request.getListPrice().getAmountMinor(),
            request.getListPrice().getCurrency(),
            request.getStock());
    return ResponseEntity.created(URI.create("/products/" + created.getId())).body(created);
  }

  @Override
  public ResponseEntity<ProductPage> listProducts(Integer page, Integer size) {
    Paging paging = Paging.of(page, size);
    return ResponseEntity.ok(
        new ProductPage(
            products.list(paging.size(), paging.offset()), paging.meta(products.count())));
  }

  @Override
  public ResponseEntity<Product> getProduct(Long productId) {
    Product product =
        cache.get(
            CatalogKeys.product(productId),
            ttl,
            Product.class,
            () -> products.find(productId).orElse(null));
    if (product == null) {
      throw ApiException.notFound("No product with id " + productId + ".");
    }
    return ResponseEntity.ok(product);
  }

  @Override
  public ResponseEntity<StockLevel> getStock(Long productId) {
    return ResponseEntity.ok(
        products
            .stockLevel(productId, OffsetDateTime.now(clock))
            .orElseThrow(() -> ApiException.notFound("No product with id " + productId + ".")));
  }
}
