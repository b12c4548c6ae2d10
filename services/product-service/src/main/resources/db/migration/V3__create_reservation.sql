-- Stock reserved for orders; the order id makes reserve idempotent and release happen once.
CREATE TABLE reservation (
    order_id         uuid        PRIMARY KEY,
    deal_id          bigint      NOT NULL REFERENCES deal (id),
    product_id       bigint      NOT NULL,
    user_id          uuid        NOT NULL,
    quantity         integer     NOT NULL CHECK (quantity > 0),
    unit_price_minor bigint      NOT NULL,
    currency         char(3)     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('RESERVED', 'RELEASED')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    released_at      timestamptz
);

CREATE INDEX reservation_deal_id_status_idx ON reservation (deal_id, status);
