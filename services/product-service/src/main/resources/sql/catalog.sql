-- Products and stock levels.

-- name: InsertProduct :one
INSERT INTO product (name, description, list_price_minor, currency, stock)
VALUES (:name, :description, :listPriceMinor, :currency, :stock)
RETURNING id, name, description, list_price_minor, currency, stock, created_at;

-- name: FindProduct :one
SELECT id, name, description, list_price_minor, currency, stock, created_at
  FROM product
 WHERE id = :id;

-- name: ListProducts :many
SELECT id, name, description, list_price_minor, currency, stock, created_at
  FROM product
 ORDER BY id DESC
 LIMIT :limit OFFSET :offset;

-- name: CountProducts :one
SELECT count(*) FROM product;

-- One snapshot of free stock, units still in deals and units reserved through deals.
-- name: FindStockLevel :one
SELECT p.id,
       p.stock,
       COALESCE(SUM(d.remaining), 0)              AS in_deals,
       COALESCE(SUM(d.quantity - d.remaining), 0) AS sold_in_deals
  FROM product p
  LEFT JOIN deal d ON d.product_id = p.id
 WHERE p.id = :id
 GROUP BY p.id;

-- Moves units from free stock into a new deal; zero rows: unknown product or not enough stock.
-- name: TakeProductStock :execrows
UPDATE product
   SET stock = stock - :quantity
 WHERE id = :id
   AND stock >= :quantity;
