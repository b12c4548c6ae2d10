-- The oracle's read-only questions, asked of each service's own database as that service's role after a run.

-- name: DealLedger :one
SELECT quantity, remaining,
       (SELECT COALESCE(SUM(r.quantity), 0) FROM reservation r WHERE r.deal_id = d.id AND r.status = 'RESERVED') AS reserved,
       (SELECT COALESCE(MAX(p.quantity), 0) FROM deal_purchase p WHERE p.deal_id = d.id) AS max_per_user
  FROM deal d
 WHERE d.id = :dealId;

-- name: OrderLedger :one
SELECT count(*) AS orders,
       COALESCE(SUM(quantity), 0) AS units,
       COALESCE((SELECT MAX(u.units) FROM (SELECT SUM(quantity) AS units FROM customer_order
                                           WHERE deal_id = :dealId AND status = 'CONFIRMED' GROUP BY user_id) u), 0) AS max_per_user
  FROM customer_order
 WHERE deal_id = :dealId
   AND status = 'CONFIRMED';
