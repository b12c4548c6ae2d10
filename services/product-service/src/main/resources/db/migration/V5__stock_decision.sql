-- Phase 5 (asynchronous orders): product-service's decision on each accepted order, written once per order id. It is
-- both the consumer's memory (a redelivered order finds its decision and is not decided again: a rejection is never
-- followed by a reservation made later, when units came back) and the outbox its relay publishes to order-service.
CREATE TABLE stock_decision (
    order_id         uuid        PRIMARY KEY,
    outcome          text        NOT NULL CHECK (outcome IN ('RESERVED', 'REJECTED')),
    rejection_code   text,
    unit_price_minor bigint,
    currency         char(3),
    decided_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at     timestamptz,
    CHECK ((outcome = 'RESERVED') = (unit_price_minor IS NOT NULL AND currency IS NOT NULL)),
    CHECK ((outcome = 'REJECTED') = (rejection_code IS NOT NULL))
);

-- The relay reads only what is not published yet, oldest first.
CREATE INDEX stock_decision_unpublished_idx ON stock_decision (decided_at) WHERE published_at IS NULL;
