-- Hot deals.

-- name: FindDeal :one
SELECT id, remaining FROM deal WHERE id = :id;

-- name: ReserveStock :execrows
UPDATE deal SET remaining = remaining - :quantity WHERE id = :id AND remaining >= :quantity;
