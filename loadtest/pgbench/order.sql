-- One confirmed order, as order-service's CheckoutService inserts it (services/order-core/src/main/resources/sql/orders.sql).
SELECT gen_random_uuid() AS id, gen_random_uuid() AS user_id \gset
INSERT INTO customer_order (id, user_id, deal_id, product_id, quantity, unit_price_minor, currency, status,
                            idempotency_key, request_fingerprint)
VALUES (:id, :user_id, :deal_id, :product_id, 1, 14950, 'EUR', 'CONFIRMED', :id, 'deal=1;quantity=1');
