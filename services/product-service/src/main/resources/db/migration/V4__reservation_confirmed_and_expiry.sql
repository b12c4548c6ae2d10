-- A reservation now ends CONFIRMED (order-service settled its order id as ordered: sold for good, never released) or
-- RELEASED (compensation, or the reaper after order-service settled the id as abandoned). See docs/no-leaked-stock.md.
ALTER TABLE reservation DROP CONSTRAINT reservation_status_check;
ALTER TABLE reservation ADD CONSTRAINT reservation_status_check CHECK (status IN ('RESERVED', 'CONFIRMED', 'RELEASED'));
ALTER TABLE reservation ADD COLUMN confirmed_at timestamptz;

-- The reaper's question, "which reservations are still open past their hold?", reads only open ones, oldest first.
CREATE INDEX reservation_reserved_created_at_idx ON reservation (created_at) WHERE status = 'RESERVED';
