-- Between two sales on the same deployment: product-service's and order-service's data goes, the users (auth) stay.
-- Identities keep counting, so ids of an earlier sale never come back.

-- name: ResetProductState :exec
TRUNCATE reservation, deal_purchase, deal, product, stock_decision;

-- name: ResetOrderState :exec
TRUNCATE customer_order, order_settlement, order_outbox;
