-- Hot deals.

-- name: InsertDeal :one
INSERT INTO deal (product_id, title, deal_price_minor, currency, quantity, remaining, starts_at, ends_at, per_user_limit)
VALUES (:productId, :title, :dealPriceMinor, :currency, :quantity, :quantity, :startsAt, :endsAt, :perUserLimit)
RETURNING id, product_id, title, deal_price_minor, currency, quantity, remaining, starts_at, ends_at, per_user_limit;

-- name: FindDeal :one
SELECT id, product_id, title, deal_price_minor, currency, quantity, remaining, starts_at, ends_at, per_user_limit
  FROM deal
 WHERE id = :id;

-- name: ListActiveDeals :many
SELECT id, product_id, title, deal_price_minor, currency, quantity, remaining, starts_at, ends_at, per_user_limit
  FROM deal
 WHERE ends_at > :now
   AND starts_at <= :now
 ORDER BY ends_at, id
 LIMIT :limit OFFSET :offset;

-- name: CountActiveDeals :one
SELECT count(*)
  FROM deal
 WHERE ends_at > :now
   AND starts_at <= :now;
