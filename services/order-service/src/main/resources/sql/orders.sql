-- Orders: creation (with idempotency) and the owner's reads. Every read is scoped to the owner.

-- name: InsertOrder :execrows
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

-- name: HasOrderForDeal :one
SELECT EXISTS (SELECT 1 FROM customer_order WHERE user_id = :userId AND deal_id = :dealId);

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
