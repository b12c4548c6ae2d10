package com.flashdeal.product.catalog;

import com.flashdeal.contract.product.model.Product;
import com.flashdeal.contract.product.model.StockLevel;
import com.flashdeal.product.sql.CatalogSql;
import com.flashdeal.product.web.Moneys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Products in product-service's database; statements from sql/catalog.sql. */
@Repository
public class CatalogRepository {
  private final JdbcClient jdbc;

  CatalogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Product insert(String name, String description, long listPriceMinor, String currency, int stock) {
    return jdbc.sql(CatalogSql.INSERT_PRODUCT)
        .param("name", name)
        .param("description", description)
        .param("listPriceMinor", listPriceMinor)
        .param("currency", currency)
        .param("stock", stock)
        .query(CatalogRepository::product)
        .single();
  }

  public Optional<Product> find(long id) {
    return jdbc.sql(CatalogSql.FIND_PRODUCT)
        .param("id", id)
        .query(CatalogRepository::product)
        .optional();
  }

  List<Product> list(int limit, long offset) {
    return jdbc.sql(CatalogSql.LIST_PRODUCTS)
        .param("limit", limit)
        .param("offset", offset)
        .query(CatalogRepository::product)
        .list();
  }

  long count() {
    return jdbc.sql(CatalogSql.COUNT_PRODUCTS).query(Long.class).single();
  }

  Optional<StockLevel> stockLevel(long id, OffsetDateTime asOf) {
    return jdbc.sql(CatalogSql.FIND_STOCK_LEVEL)
        .param("id", id)
        .query(
            (rs, n) ->
                new StockLevel(
                    rs.getLong("id"),
                    rs.getInt("stock"),
                    rs.getInt("in_deals"),
                    rs.getInt("sold_in_deals"),
                    asOf))
        .optional();
  }

  /** False when the product is unknown or has fewer free units. */
  public boolean takeStock(long productId, int quantity) {
    return jdbc.sql(CatalogSql.TAKE_PRODUCT_STOCK)
            .param("id", productId)
            .param("quantity", quantity)
            .update()
        == 1;
  }

  private static Product product(ResultSet rs, int n) throws SQLException {
    Product p =
        new Product(
            rs.getLong("id"),
            rs.getString("name"),
            Moneys.of(rs.getLong("list_price_minor"), rs.getString("currency")),
            rs.getInt("stock"),
            rs.getObject("created_at", OffsetDateTime.class));
    p.setDescription(rs.getString("description"));
    return p;
  }
}
