#!/usr/bin/env bash
# The database ceiling for the order path: pgbench runs the reserve transaction against product-service's database and
# the order insert against order-service's, concurrently (as the services would), on the private PostgreSQL.
# Usage: loadtest/pgbench/run.sh [clients=8] [seconds=20]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
clients="${1:-8}"; seconds="${2:-20}"
make -s deps-up >/dev/null
eval "$(make -s deps-env)"
pgbench="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/pgbench"
[[ -x "$pgbench" ]] || pgbench="$(command -v pgbench)"
url() { local u="$1"; echo "postgresql://$2:$3@${u#jdbc:postgresql://}"; }
product="$(url "$FLASHDEAL_PRODUCT_DB_URL" "$FLASHDEAL_PRODUCT_DB_USER" "$FLASHDEAL_PRODUCT_DB_PASSWORD")"
order="$(url "$FLASHDEAL_ORDER_DB_URL" "$FLASHDEAL_ORDER_DB_USER" "$FLASHDEAL_ORDER_DB_PASSWORD")"

# Schemas from the services' own migrations when the databases are still empty.
for pair in "product:$product" "order:$order"; do
  svc="${pair%%:*}"; db="${pair#*:}"
  if [[ "$(psql "$db" -Atc "SELECT to_regclass('public.flyway_schema_history') IS NOT NULL")" != "t" ]]; then
    for f in services/$svc-service/src/main/resources/db/migration/V*.sql; do psql -q "$db" -v ON_ERROR_STOP=1 -f "$f"; done
  fi
done
ids="$(psql "$product" -Atqc "WITH p AS (INSERT INTO product (name, list_price_minor, currency, stock) VALUES ('pgbench', 29900, 'EUR', 0) RETURNING id)
  INSERT INTO deal (product_id, title, deal_price_minor, currency, quantity, remaining, starts_at, ends_at, per_user_limit)
  SELECT id, 'pgbench', 14950, 'EUR', 100000000, 100000000, now() - interval '1 minute', now() + interval '1 day', 1 FROM p RETURNING id || ' ' || product_id")"
deal="${ids% *}"; productId="${ids#* }"

echo "pgbench: $clients clients, ${seconds}s, deal $deal (reserve -> flashdeal_product, order insert -> flashdeal_order, concurrently)"
"$pgbench" -n -M prepared -c "$clients" -j 2 -T "$seconds" -D deal_id="$deal" -D product_id="$productId" -f loadtest/pgbench/reserve.sql "$product" > /tmp/pgbench-reserve.txt 2>&1 &
"$pgbench" -n -M prepared -c "$clients" -j 2 -T "$seconds" -D deal_id="$deal" -D product_id="$productId" -f loadtest/pgbench/order.sql "$order" > /tmp/pgbench-order.txt 2>&1
wait
echo "reserve transaction: $(grep -E '^tps' /tmp/pgbench-reserve.txt | head -1) | $(grep -E 'latency average' /tmp/pgbench-reserve.txt)"
echo "order insert:        $(grep -E '^tps' /tmp/pgbench-order.txt | head -1) | $(grep -E 'latency average' /tmp/pgbench-order.txt)"
