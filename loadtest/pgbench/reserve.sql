-- One reservation, as product-service's ReservationService runs it with db-atomic (statements mirror
-- services/product-service/src/main/resources/sql/reservations.sql and stock.sql). pgbench -M prepared binds :vars.
SELECT gen_random_uuid() AS order_id, gen_random_uuid() AS user_id \gset
BEGIN;
INSERT INTO reservation (order_id, deal_id, product_id, user_id, quantity, unit_price_minor, currency, status)
VALUES (:order_id, :deal_id, :product_id, :user_id, 1, 14950, 'EUR', 'RESERVED')
ON CONFLICT (order_id) DO NOTHING;
INSERT INTO deal_purchase AS p (deal_id, user_id, quantity)
SELECT :deal_id, :user_id, 1
ON CONFLICT (deal_id, user_id) DO UPDATE SET quantity = p.quantity + EXCLUDED.quantity
 WHERE p.quantity + EXCLUDED.quantity <= 1;
UPDATE deal SET remaining = remaining - 1 WHERE id = :deal_id AND remaining >= 1;
END;
