-- The index study's volume (bench --scenario explain): a catalogue and a sales history the size of a shop that has
-- run flash sales for a while, written straight into product-service's and order-service's databases as their own
-- roles. Ids and users are derived from the row number, so the two databases agree without a cross-database join:
-- past order i is reservation i, of user i mod :users, on deal (i / :users + user) mod :deals (one order per user
-- and deal, as the constraint demands, as long as :orders / :users <= :deals).

-- Products, each with stock for its deal.
-- name: SeedProducts :execrows
INSERT INTO product (name, description, list_price_minor, currency, stock)
SELECT 'Volume product ' || i, 'Seeded by the index study', 1000 + i % 50000, 'EUR', 0
  FROM generate_series(1, :products) AS i;

-- One deal per product for the first :deals products: one in :activeEvery open now (ending at different times), one
-- in :activeEvery starting later, the rest ended on a past day. Ended deals are sold out.
-- name: SeedDeals :execrows
INSERT INTO deal (product_id, title, deal_price_minor, currency, quantity, remaining, starts_at, ends_at, per_user_limit)
SELECT p.id,
       'Volume deal ' || p.k,
       500 + p.k % 10000,
       'EUR',
       1000,
       CASE WHEN p.k % :activeEvery IN (0, 1) THEN 1000 ELSE 0 END,
       CASE p.k % :activeEvery
           WHEN 0 THEN now() - interval '1 hour'
           WHEN 1 THEN now() + make_interval(hours => CAST(1 + p.k % 48 AS integer))
           ELSE now() - make_interval(days => CAST(1 + p.k % 365 AS integer), hours => 2)
       END,
       CASE p.k % :activeEvery
           WHEN 0 THEN now() + make_interval(mins => CAST(10 + p.k % 600 AS integer))
           WHEN 1 THEN now() + make_interval(hours => CAST(3 + p.k % 48 AS integer))
           ELSE now() - make_interval(days => CAST(1 + p.k % 365 AS integer))
       END,
       1
  FROM (SELECT id, CAST(row_number() OVER (ORDER BY id) - 1 AS integer) AS k FROM product) AS p
 WHERE p.k < :deals;

-- Past reservations: sold for good (CONFIRMED) but one in fifty given back (RELEASED), spread over the past year.
-- name: SeedReservations :execrows
WITH d AS (SELECT id, product_id, CAST(row_number() OVER (ORDER BY id) - 1 AS integer) AS k FROM deal)
INSERT INTO reservation (order_id, deal_id, product_id, user_id, quantity, unit_price_minor, currency, status,
                         created_at, released_at, confirmed_at)
SELECT md5('order-' || i)::uuid,
       d.id,
       d.product_id,
       md5('user-' || i % :users)::uuid,
       1,
       1500,
       'EUR',
       CASE WHEN i % 50 = 0 THEN 'RELEASED' ELSE 'CONFIRMED' END,
       now() - make_interval(secs => 60 + i % 31536000),
       CASE WHEN i % 50 = 0 THEN now() - make_interval(secs => i % 31536000) END,
       CASE WHEN i % 50 = 0 THEN NULL ELSE now() - make_interval(secs => i % 31536000) END
  FROM generate_series(0, :orders - 1) AS i
  JOIN d ON d.k = (i / :users + i % :users) % :deals;

-- Each user's units per deal, as the reservations above hold them.
-- name: SeedPurchases :execrows
INSERT INTO deal_purchase (deal_id, user_id, quantity)
SELECT deal_id, user_id, COALESCE(sum(quantity) FILTER (WHERE status <> 'RELEASED'), 0)
  FROM reservation
 GROUP BY deal_id, user_id;

-- The orders of the reservations above that were not given back, each settled as ordered.
-- name: SeedOrders :execrows
WITH o AS (
    SELECT i,
           md5('order-' || i)::uuid AS id,
           md5('user-' || i % :users)::uuid AS user_id,
           (i / :users + i % :users) % :deals AS deal_k,
           now() - make_interval(secs => 60 + i % 31536000) AS created_at
      FROM generate_series(0, :orders - 1) AS i
     WHERE i % 50 <> 0
), settled AS (
    INSERT INTO order_settlement (order_id, outcome, settled_at)
    SELECT id, 'ORDERED', created_at FROM o
)
INSERT INTO customer_order (id, user_id, deal_id, product_id, quantity, unit_price_minor, currency, status,
                            idempotency_key, request_fingerprint, created_at, updated_at)
SELECT id, user_id, :firstDeal + deal_k, :firstProduct + deal_k, 1, 1500, 'EUR', 'CONFIRMED',
       'volume-' || i, 'deal=' || (:firstDeal + deal_k) || ';quantity=1', created_at, created_at
  FROM o;

-- name: FirstVolumeDeal :one
SELECT min(id) AS deal_id, min(product_id) AS product_id FROM deal;
