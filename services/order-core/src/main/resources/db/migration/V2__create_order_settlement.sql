-- Which order ids are settled, and how. product-service's reaper asks about reservations that have not become orders
-- in time; the answer must be final, so an order id is settled exactly once, by whichever comes first:
--   ORDERED   written in the same statement as the order itself (sql/orders.sql InsertOrder);
--   ABANDONED written when the reaper asks about an id that has no order yet: from then on the order cannot be written
--             (its insert fails on this primary key), so giving the reservation's units back is safe.
-- The primary key serialises the two: an abandon that meets an order insert in flight waits for it, then sees ORDERED.
CREATE TABLE order_settlement (
    order_id   uuid        PRIMARY KEY,
    outcome    text        NOT NULL CHECK (outcome IN ('ORDERED', 'ABANDONED')),
    settled_at timestamptz NOT NULL DEFAULT now()
);

-- Orders written before this table existed are settled as ordered.
INSERT INTO order_settlement (order_id, outcome, settled_at)
SELECT id, 'ORDERED', created_at FROM customer_order;
