-- Every order of a sale updates one row: its deal's remaining units. The foreign keys from the rows each order
-- inserts first (its reservation, the buyer's per-deal purchase) made every insert take a FOR KEY SHARE lock on that
-- same row too, so concurrent orders piled shared locks (multixacts, kept in pg_multixact) onto the one row they
-- all update. Deals are never deleted, and both rows are inserted only for a deal the service has just read (its
-- terms, in the same transaction or cached from it), so the keys guarded against nothing that can happen.
ALTER TABLE reservation DROP CONSTRAINT reservation_deal_id_fkey;
ALTER TABLE deal_purchase DROP CONSTRAINT deal_purchase_deal_id_fkey;
