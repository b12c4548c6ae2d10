-- Settlements: the final word on whether an order id became an order (see db/migration/V2__create_order_settlement.sql).

-- Settles every given id that is not settled yet as ABANDONED. An order insert of one of them still in flight holds
-- its primary key entry: this statement waits for it, and then leaves it ORDERED.
-- orderIds: a PostgreSQL array literal of uuids, '{...}'.
-- name: AbandonUnsettled :execrows
INSERT INTO order_settlement (order_id, outcome)
SELECT id, 'ABANDONED'
  FROM unnest(CAST(:orderIds AS uuid[])) AS t(id)
ON CONFLICT (order_id) DO NOTHING;

-- name: FindSettlements :many
SELECT order_id, outcome
  FROM order_settlement
 WHERE order_id = ANY (CAST(:orderIds AS uuid[]));
