-- Stock decisions on accepted orders (Phase 5): the consumer's memory and the outbox to order-service.

-- name: HasDecision :one
SELECT EXISTS (SELECT 1 FROM stock_decision WHERE order_id = :orderId);

-- Written after the reservation committed; a repeat (redelivery) writes nothing.
-- name: RecordReserved :execrows
INSERT INTO stock_decision (order_id, outcome, unit_price_minor, currency)
VALUES (:orderId, 'RESERVED', :unitPriceMinor, :currency)
ON CONFLICT (order_id) DO NOTHING;

-- A rejection is written only when no live reservation holds units for the order (two deliveries of one message
-- racing, one reserving while the other was refused): then the order is RESERVED, never both.
-- name: RecordRejected :execrows
INSERT INTO stock_decision (order_id, outcome, rejection_code)
SELECT :orderId, 'REJECTED', :rejectionCode
 WHERE NOT EXISTS (SELECT 1 FROM reservation WHERE order_id = :orderId AND status <> 'RELEASED')
ON CONFLICT (order_id) DO NOTHING;

-- The relay's batch; rows another relay holds are skipped.
-- name: ClaimDecisions :many
SELECT order_id, outcome, rejection_code, unit_price_minor, currency
  FROM stock_decision
 WHERE published_at IS NULL
 ORDER BY decided_at
 LIMIT :limit
   FOR UPDATE SKIP LOCKED;

-- orderIds: a PostgreSQL array literal of uuids, '{...}'.
-- name: MarkDecisionsPublished :execrows
UPDATE stock_decision SET published_at = clock_timestamp() WHERE order_id = ANY (CAST(:orderIds AS uuid[]));

-- name: DecisionBacklog :one
SELECT count(*) AS messages,
       coalesce(CAST(extract(epoch FROM clock_timestamp() - min(decided_at)) * 1000 AS bigint), 0) AS oldest_age_millis
  FROM stock_decision
 WHERE published_at IS NULL;
