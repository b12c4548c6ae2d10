-- Orders: creation (with idempotency) and the owner's reads. Every read is scoped to the owner.

-- The order and its settlement in one statement (one transaction, one round trip). Fails on
-- order_settlement_pkey when product-service's reaper settled this order id as ABANDONED first: then nothing is
-- written, and the reservation's units are given back by the reaper.
-- name: InsertOrder :execrows
WITH settled AS (
    INSERT INTO order_settlement (order_id, outcome) VALUES (:id, 'ORDERED')
)
INSERT INTO customer_order (id, user_id, deal_id, product_id, quantity, unit_price_minor, currency, status,
                            idempotency_key, request_fingerprint)
VALUES (:id, :userId, :dealId, :productId, :quantity, :unitPriceMinor, :currency, :status,
        :idempotencyKey, :requestFingerprint);

-- name: FindOrderByIdempotencyKey :one
SELECT id, user_id, deal_id, product_id, quantity, unit_price_minor, currency, status, rejection_code,
       created_at, updated_at, request_fingerprint
  FROM customer_order
 WHERE user_id = :userId
   AND idempotency_key = :idempotencyKey;

-- What the synchronous checkout asks before it reserves, in one round trip and one snapshot: the buyer's order with
-- this key (a replay), else an order of theirs for the deal that is not REJECTED (409 ALREADY_ORDERED).
-- name: FindOrderForCheckout :one
SELECT id, user_id, deal_id, product_id, quantity, unit_price_minor, currency, status, rejection_code,
       created_at, updated_at, request_fingerprint
  FROM customer_order
 WHERE user_id = :userId
   AND (idempotency_key = :idempotencyKey OR (deal_id = :dealId AND status <> 'REJECTED'))
 ORDER BY idempotency_key = :idempotencyKey DESC
 LIMIT 1;

-- A REJECTED order (asynchronous flow) is no order: the user may try again.
-- name: HasOrderForDeal :one
SELECT EXISTS (SELECT 1 FROM customer_order WHERE user_id = :userId AND deal_id = :dealId AND status <> 'REJECTED');

-- name: FindOwnOrder :one
SELECT id, user_id, deal_id, product_id, quantity, unit_price_minor, currency, status, rejection_code,
       created_at, updated_at, request_fingerprint
  FROM customer_order
 WHERE id = :id
   AND user_id = :userId;

-- name: ListOwnOrders :many
SELECT id, user_id, deal_id, product_id, quantity, unit_price_minor, currency, status, rejection_code,
       created_at, updated_at, request_fingerprint
  FROM customer_order
 WHERE user_id = :userId
 ORDER BY created_at DESC, id
 LIMIT :limit OFFSET :offset;

-- name: CountOwnOrders :one
SELECT count(*) FROM customer_order WHERE user_id = :userId;
