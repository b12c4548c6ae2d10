-- Stock strategies: the statements each one uses to take units from a deal (see com.flashdeal.product.stock).

-- db-atomic: check and decrement in one statement; zero rows means not enough left.
-- name: TakeStockAtomically :execrows
UPDATE deal
   SET remaining = remaining - :quantity
 WHERE id = :dealId
   AND remaining >= :quantity;

-- db-lock: lock the row first, then decide in the application. NO KEY UPDATE, not UPDATE: the decrement changes no
-- key, so it needs no stronger lock (and while reservations had a foreign key to the deal, FOR UPDATE conflicted
-- with their FOR KEY SHARE locks: two buyers deadlocked, each waiting for the other's).
-- name: LockRemaining :one
SELECT remaining
  FROM deal
 WHERE id = :dealId
   FOR NO KEY UPDATE;

-- name: DecrementRemaining :execrows
UPDATE deal
   SET remaining = remaining - :quantity
 WHERE id = :dealId;

-- naive: a plain read, no lock ...
-- name: ReadRemaining :one
SELECT remaining
  FROM deal
 WHERE id = :dealId;

-- ... and a blind write of the value computed from it: two buyers who read the same value both "succeed".
-- name: WriteRemaining :execrows
UPDATE deal
   SET remaining = :remaining
 WHERE id = :dealId;

-- redis-lua: a deal's stock state in one snapshot (one statement), to rebuild Redis from: the remaining units, every
-- user's units, and the reservations that hold units (RESERVED or CONFIRMED). Rows: kind 'deal' | 'user' | 'order'.
-- name: StockSnapshot :many
SELECT 'deal' AS kind, NULL::uuid AS order_id, NULL::uuid AS user_id, d.remaining AS quantity, NULL AS status
  FROM deal d
 WHERE d.id = :dealId
UNION ALL
SELECT 'user', NULL, p.user_id, p.quantity, NULL
  FROM deal_purchase p
 WHERE p.deal_id = :dealId
   AND p.quantity > 0
UNION ALL
SELECT 'order', r.order_id, r.user_id, r.quantity, r.status
  FROM reservation r
 WHERE r.deal_id = :dealId
   AND r.status IN ('RESERVED', 'CONFIRMED');

-- redis-lua's sweep: what PostgreSQL knows of order ids Redis admitted a while ago. An id with no row, or a
-- RELEASED one, holds units in Redis only, and they go back.
-- orderIds: a PostgreSQL array literal of uuids, '{...}'.
-- name: FindReservationStatuses :many
SELECT order_id, status
  FROM reservation
 WHERE order_id = ANY (CAST(:orderIds AS uuid[]));
