-- Orders of order-service ("order" is a reserved word). One order per user per deal is a constraint, not a check in
-- code, so it holds under any concurrency; the idempotency key is unique per user.
CREATE TABLE customer_order (
    id                  uuid        PRIMARY KEY,
    user_id             uuid        NOT NULL,
    deal_id             bigint      NOT NULL,
    product_id          bigint      NOT NULL,
    quantity            integer     NOT NULL CHECK (quantity > 0),
    unit_price_minor    bigint      NOT NULL CHECK (unit_price_minor >= 0),
    currency            char(3)     NOT NULL,
    status              text        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    rejection_code      text,
    idempotency_key     text        NOT NULL,
    request_fingerprint text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customer_order_one_per_user_and_deal UNIQUE (user_id, deal_id),
    CONSTRAINT customer_order_idempotency_key UNIQUE (user_id, idempotency_key)
);

-- "My orders, newest first".
CREATE INDEX customer_order_user_id_created_at_idx ON customer_order (user_id, created_at DESC, id);
