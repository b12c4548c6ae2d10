-- Stock strategies: the statements each one uses to take units from a deal (see com.flashdeal.product.stock).

-- db-atomic: check and decrement in one statement; zero rows means not enough left.
-- name: TakeStockAtomically :execrows
UPDATE deal
   SET remaining = remaining - :quantity
 WHERE id = :dealId
   AND remaining >= :quantity;

-- db-lock: lock the row first, then decide in the application. NO KEY UPDATE, not UPDATE: the reservation and
-- per-user rows inserted earlier in the same transaction hold FOR KEY SHARE locks on this deal (foreign keys), and
-- FOR UPDATE conflicts with those, so two buyers would deadlock each waiting for the other's key-share lock.
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
