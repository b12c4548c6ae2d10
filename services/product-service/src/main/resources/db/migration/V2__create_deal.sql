-- Hot deals: `quantity` units taken out of the product's stock, sold first come first served inside the window.
-- `remaining` can never go below zero (the naive strategy oversells by lost updates, not by negative stock).
CREATE TABLE deal (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id       bigint      NOT NULL REFERENCES product (id),
    title            text        NOT NULL,
    deal_price_minor bigint      NOT NULL CHECK (deal_price_minor >= 0),
    currency         char(3)     NOT NULL,
    quantity         integer     NOT NULL CHECK (quantity > 0),
    remaining        integer     NOT NULL CHECK (remaining >= 0 AND remaining <= quantity),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    per_user_limit   integer     NOT NULL CHECK (per_user_limit > 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deal_window_valid CHECK (ends_at > starts_at)
);

-- "Active deals, ending soonest first": range on ends_at, then the start filter.
CREATE INDEX deal_ends_at_starts_at_idx ON deal (ends_at, starts_at);
CREATE INDEX deal_product_id_idx ON deal (product_id);

-- Units each user holds per deal: the per-user limit is a conditional upsert on this row, atomic per (deal, user).
CREATE TABLE deal_purchase (
    deal_id  bigint  NOT NULL REFERENCES deal (id),
    user_id  uuid    NOT NULL,
    quantity integer NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (deal_id, user_id)
);
