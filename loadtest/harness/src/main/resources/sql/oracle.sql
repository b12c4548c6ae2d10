-- The oracle's read-only questions, asked of each service's own database as that service's role after a run.

-- name: DealLedger :one
SELECT quantity, remaining,
       (SELECT COALESCE(SUM(r.quantity), 0) FROM reservation r WHERE r.deal_id = d.id AND r.status IN ('RESERVED', 'CONFIRMED')) AS reserved,
       (SELECT COALESCE(MAX(p.quantity), 0) FROM deal_purchase p WHERE p.deal_id = d.id) AS max_per_user
  FROM deal d
 WHERE d.id = :dealId;

-- Units held for an order id (still open, or confirmed by the reaper): the oracle matches them against order-service's
-- orders (no cross-database join).
-- name: HeldReservations :many
SELECT order_id, quantity
  FROM reservation
 WHERE deal_id = :dealId
   AND status IN ('RESERVED', 'CONFIRMED');

-- name: StoredOrders :many
SELECT id, user_id, deal_id, quantity, status
  FROM customer_order
 WHERE deal_id = :dealId;
