-- The asynchronous order path (Phase 5): the PENDING order with its outbox row, the relay's statements, and the
-- stock decision coming back from product-service.

-- The order, its settlement (ORDERED: the reaper must never give back units of an accepted order) and its outbox row
-- in one statement: one transaction, one round trip. The answer (202) is built from these values, so the time is the
-- service's, not the database's.
-- name: InsertPendingOrder :execrows
WITH settled AS (
    INSERT INTO order_settlement (order_id, outcome) VALUES (:id, 'ORDERED')
), queued AS (
    INSERT INTO order_outbox (order_id, deal_id, user_id, quantity) VALUES (:id, :dealId, :userId, :quantity)
)
INSERT INTO customer_order (id, user_id, deal_id, product_id, quantity, unit_price_minor, currency, status,
                            idempotency_key, request_fingerprint, created_at, updated_at)
VALUES (:id, :userId, :dealId, :productId, :quantity, :unitPriceMinor, :currency, 'PENDING',
        :idempotencyKey, :requestFingerprint, :createdAt, :createdAt);

-- The relay's batch, oldest first; rows another relay holds are skipped, so several relays never publish one row at
-- the same time.
-- name: ClaimOutbox :many
SELECT id, order_id, deal_id, user_id, quantity
  FROM order_outbox
 ORDER BY id
 LIMIT :limit
   FOR UPDATE SKIP LOCKED;

-- ids: a PostgreSQL array literal of bigints, '{...}'.
-- name: DeleteOutbox :execrows
DELETE FROM order_outbox WHERE id = ANY (CAST(:ids AS bigint[]));

-- name: OutboxBacklog :one
SELECT count(*) AS messages,
       coalesce(CAST(extract(epoch FROM clock_timestamp() - min(created_at)) * 1000 AS bigint), 0) AS oldest_age_millis
  FROM order_outbox;

-- product-service's decision, applied once: only a PENDING order changes, so a redelivered decision changes nothing.
-- The reservation's price is the one charged.
-- name: ApplyStockDecision :execrows
UPDATE customer_order
   SET status = :status,
       rejection_code = :rejectionCode,
       unit_price_minor = coalesce(CAST(:unitPriceMinor AS bigint), unit_price_minor),
       currency = coalesce(CAST(:currency AS char(3)), currency),
       updated_at = now()
 WHERE id = :id
   AND status = 'PENDING';

-- name: OrderExists :one
SELECT EXISTS (SELECT 1 FROM customer_order WHERE id = :id);
