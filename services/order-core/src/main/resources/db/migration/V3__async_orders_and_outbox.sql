-- Phase 5 (asynchronous orders). An order may now end REJECTED (product-service refused its units after the 202): such
-- an order does not count as "the user's order for this deal", so the rule becomes a partial unique index (same name,
-- so a refusal still names it). The synchronous flow never writes REJECTED, so nothing changes for it.
ALTER TABLE customer_order DROP CONSTRAINT customer_order_one_per_user_and_deal;
CREATE UNIQUE INDEX customer_order_one_per_user_and_deal ON customer_order (user_id, deal_id) WHERE status <> 'REJECTED';

-- The transactional outbox: written in the same statement as the PENDING order, so an accepted order is never without
-- its message and a message never without its order. The relay publishes rows (publisher confirms) and deletes them;
-- the order itself is the durable record.
CREATE TABLE order_outbox (
    id         bigserial   PRIMARY KEY,
    order_id   uuid        NOT NULL,
    deal_id    bigint      NOT NULL,
    user_id    uuid        NOT NULL,
    quantity   integer     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
