-- Phase 5's figures, read after a sale from order-service's own database (its role, read-only).

-- How long each decided order of the deal took from acceptance (the 202) to its decision, server side.
-- name: DecisionLatencies :many
SELECT CAST(extract(epoch FROM updated_at - created_at) * 1000 AS double precision) AS ms
  FROM customer_order
 WHERE deal_id = :dealId
   AND status <> 'PENDING';

-- From the last acceptance to the last decision: how long the queue needed to catch up.
-- name: DecisionDrain :one
SELECT CAST(coalesce(extract(epoch FROM max(updated_at) - max(created_at)), 0) AS double precision) AS seconds
  FROM customer_order
 WHERE deal_id = :dealId
   AND status <> 'PENDING';
