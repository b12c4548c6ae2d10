-- Reservations made by order-service, and the per-user counters that enforce a deal's limit.

-- Returns no row when the order id was reserved before (idempotency).
-- name: InsertReservation :one
INSERT INTO reservation (order_id, deal_id, product_id, user_id, quantity, unit_price_minor, currency, status)
VALUES (:orderId, :dealId, :productId, :userId, :quantity, :unitPriceMinor, :currency, 'RESERVED')
ON CONFLICT (order_id) DO NOTHING
RETURNING order_id, deal_id, product_id, user_id, quantity, unit_price_minor, currency, status, created_at, released_at;

-- name: FindReservation :one
SELECT order_id, deal_id, product_id, user_id, quantity, unit_price_minor, currency, status, created_at, released_at
  FROM reservation
 WHERE order_id = :orderId;

-- Adds to the user's units for the deal unless that would pass the limit; zero rows: limit exceeded.
-- name: AddUserPurchase :execrows
INSERT INTO deal_purchase AS p (deal_id, user_id, quantity)
SELECT :dealId, :userId, :quantity
 WHERE :quantity <= :perUserLimit
ON CONFLICT (deal_id, user_id) DO UPDATE
   SET quantity = p.quantity + EXCLUDED.quantity
 WHERE p.quantity + EXCLUDED.quantity <= :perUserLimit;

-- name: SubtractUserPurchase :execrows
UPDATE deal_purchase
   SET quantity = quantity - :quantity
 WHERE deal_id = :dealId
   AND user_id = :userId;

-- Flips RESERVED to RELEASED exactly once; zero rows: unknown or already released.
-- name: MarkReleased :one
UPDATE reservation
   SET status = 'RELEASED', released_at = now()
 WHERE order_id = :orderId
   AND status = 'RESERVED'
RETURNING deal_id, user_id, quantity;

-- name: ReturnDealStock :execrows
UPDATE deal
   SET remaining = remaining + :quantity
 WHERE id = :dealId;

-- The reaper: reservations still open after their hold, oldest first. Each is settled with order-service before
-- anything happens to it.
-- skip: ids this reaper could not give back (a PostgreSQL array literal of uuids, '{...}'), so that they never block
-- the batches behind them.
-- name: FindExpiredReservations :many
SELECT order_id
  FROM reservation
 WHERE status = 'RESERVED'
   AND created_at < now() - make_interval(secs => :holdSeconds)
   AND order_id <> ALL (CAST(:skip AS uuid[]))
 ORDER BY created_at
 LIMIT :batch;

-- Settled as ordered: sold for good. Only from RESERVED, so a released reservation is never revived.
-- orderIds: a PostgreSQL array literal of uuids, '{...}'.
-- name: ConfirmReservations :execrows
UPDATE reservation
   SET status = 'CONFIRMED', confirmed_at = now()
 WHERE order_id = ANY (CAST(:orderIds AS uuid[]))
   AND status = 'RESERVED';

-- db-atomic's whole reservation in one call (the function is in the V7 migration): the insert above, the buyer's
-- counter and the stock decrement, with no client round trip while the hot deal row is locked. A refusal is an
-- error with SQLSTATE FDNA1 (not active), FDLIM (limit) or FDSO1 (sold out), and nothing is written; a repeated
-- order id comes back with created = false.
-- name: ReserveAtomically :one
SELECT created, order_id, deal_id, product_id, user_id, quantity, unit_price_minor, currency, status, created_at,
       released_at
  FROM reserve_atomically(:orderId, :dealId, :productId, :userId, :quantity, :unitPriceMinor, :currency,
                          :perUserLimit, :active);
