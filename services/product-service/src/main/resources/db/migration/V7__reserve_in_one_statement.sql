-- db-atomic's reservation as one server-side statement. The same three writes as the statements in
-- sql/reservations.sql and sql/stock.sql (the idempotency insert, the buyer's per-deal counter, the conditional
-- decrement of the deal's remaining units), in the same order, but run by PostgreSQL in one call: with the call in
-- autocommit, the hot deal row is locked from its UPDATE to the commit that ends the same statement, with no client
-- round trip in between (in a client-driven transaction it stays locked until the client's COMMIT arrives), and an
-- order costs one round trip instead of five.
--
-- A refusal raises, so that the statement (its implicit transaction) leaves nothing written; the caller maps the
-- SQLSTATE to the contract's code: FDNA1 the deal is not active, FDLIM the buyer's limit, FDSO1 not enough units.
-- An order id reserved before is a repeat: its reservation comes back with created = false and nothing changes (the
-- caller checks that it was the same request). `active` is decided by the caller's clock, as for the other
-- strategies, and refuses only a new reservation: a repeat gets its reservation whenever it asks.
CREATE FUNCTION reserve_atomically(
    p_order_id         uuid,
    p_deal_id          bigint,
    p_product_id       bigint,
    p_user_id          uuid,
    p_quantity         integer,
    p_unit_price_minor bigint,
    p_currency         char(3),
    p_per_user_limit   integer,
    p_active           boolean)
RETURNS TABLE (created boolean, order_id uuid, deal_id bigint, product_id bigint, user_id uuid, quantity integer,
               unit_price_minor bigint, currency char(3), status text, created_at timestamptz,
               released_at timestamptz)
LANGUAGE plpgsql AS $$
-- The output columns share the tables' column names; inside the statements a name means the column.
#variable_conflict use_column
BEGIN
    RETURN QUERY
        INSERT INTO reservation AS r (order_id, deal_id, product_id, user_id, quantity, unit_price_minor, currency,
                                      status)
        VALUES (p_order_id, p_deal_id, p_product_id, p_user_id, p_quantity, p_unit_price_minor, p_currency,
                'RESERVED')
        ON CONFLICT ON CONSTRAINT reservation_pkey DO NOTHING
        RETURNING true, r.order_id, r.deal_id, r.product_id, r.user_id, r.quantity, r.unit_price_minor, r.currency,
                  r.status, r.created_at, r.released_at;
    IF NOT FOUND THEN
        RETURN QUERY
            SELECT false, r.order_id, r.deal_id, r.product_id, r.user_id, r.quantity, r.unit_price_minor, r.currency,
                   r.status, r.created_at, r.released_at
              FROM reservation r
             WHERE r.order_id = p_order_id;
        RETURN;
    END IF;
    IF NOT p_active THEN
        RAISE EXCEPTION 'deal % is not active', p_deal_id USING ERRCODE = 'FDNA1';
    END IF;
    INSERT INTO deal_purchase AS p (deal_id, user_id, quantity)
    SELECT p_deal_id, p_user_id, p_quantity
     WHERE p_quantity <= p_per_user_limit
    ON CONFLICT (deal_id, user_id) DO UPDATE
       SET quantity = p.quantity + EXCLUDED.quantity
     WHERE p.quantity + EXCLUDED.quantity <= p_per_user_limit;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'deal % limit exceeded', p_deal_id USING ERRCODE = 'FDLIM';
    END IF;
    UPDATE deal
       SET remaining = remaining - p_quantity
     WHERE id = p_deal_id
       AND remaining >= p_quantity;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'deal % sold out', p_deal_id USING ERRCODE = 'FDSO1';
    END IF;
END
$$;
