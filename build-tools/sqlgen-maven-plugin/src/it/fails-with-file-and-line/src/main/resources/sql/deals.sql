-- name: FindDeal :one
SELECT 1;

-- name: FindDeal :one
SELECT 2;
