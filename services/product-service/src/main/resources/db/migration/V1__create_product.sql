-- Products and their free stock: units not held by any deal.
CREATE TABLE product (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             text        NOT NULL,
    description      text,
    list_price_minor bigint      NOT NULL CHECK (list_price_minor >= 0),
    currency         char(3)     NOT NULL,
    stock            integer     NOT NULL CHECK (stock >= 0),
    created_at       timestamptz NOT NULL DEFAULT now()
);
