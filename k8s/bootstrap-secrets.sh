#!/usr/bin/env bash
# Creates the lab's Secrets (called by `make kind-up`; safe to re-run). Passwords are random and created once: the
# PostgreSQL credentials in flashdeal-infra are the source, the services' copies in flashdeal are derived from them, so
# deleting a copy and re-running restores it with the same password. Nothing secret is ever written to the repository.
set -euo pipefail

kc() { kubectl ${KUBE_CONTEXT:+--context "$KUBE_CONTEXT"} "$@"; }
has() { kc -n "$1" get secret "$2" >/dev/null 2>&1; }
field() { kc -n "$1" get secret "$2" -o "jsonpath={.data.$3}" | base64 -d; }
random() { openssl rand -hex 18; }
apply_secret() { # namespace name --from-literal=... (create or update)
  local ns=$1 name=$2; shift 2
  kc -n "$ns" create secret generic "$name" "$@" --dry-run=client -o yaml | kc apply -f - >/dev/null
  echo "secret $ns/$name ready"
}

if ! has flashdeal-infra postgres-credentials; then
  apply_secret flashdeal-infra postgres-credentials \
    --from-literal=postgres-password="$(random)" \
    --from-literal=auth-password="$(random)" \
    --from-literal=product-password="$(random)" \
    --from-literal=order-password="$(random)"
fi
for svc in auth product order; do
  apply_secret flashdeal "flashdeal-db-$svc" \
    --from-literal=password="$(field flashdeal-infra postgres-credentials "$svc-password")"
done

# Redis (Phase 3, the rate limiter): the server's password in flashdeal-infra is the source; the services get the URL.
if ! has flashdeal-infra redis-credentials; then
  apply_secret flashdeal-infra redis-credentials --from-literal=password="$(random)"
fi
apply_secret flashdeal flashdeal-redis \
  --from-literal=url="redis://:$(field flashdeal-infra redis-credentials password)@redis.flashdeal-infra.svc.cluster.local:6379"

# RabbitMQ (Phase 5): the broker's password in flashdeal-infra is the source; the services get the whole URL.
if ! has flashdeal-infra rabbitmq-credentials; then
  apply_secret flashdeal-infra rabbitmq-credentials --from-literal=password="$(random)"
fi
apply_secret flashdeal flashdeal-rabbitmq \
  --from-literal=url="amqp://flashdeal:$(field flashdeal-infra rabbitmq-credentials password)@rabbitmq.flashdeal-infra.svc.cluster.local:5672/flashdeal"

if ! has flashdeal flashdeal-admin; then
  apply_secret flashdeal flashdeal-admin \
    --from-literal=email=admin@flashdeal.local --from-literal=password="$(random)"
fi

if ! has flashdeal flashdeal-jwt; then
  key=$(mktemp)
  trap 'rm -f "$key"' EXIT
  # PKCS#8 PEM, what auth-service reads from FLASHDEAL_AUTH_JWT_PRIVATE_KEY_FILE.
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
  apply_secret flashdeal flashdeal-jwt --from-file=private-key.pem="$key"
fi

if ! has flashdeal flashdeal-service-clients; then
  # The services' client secrets for their service tokens; auth-service gets only their SHA-256.
  order=$(openssl rand -hex 32)
  product=$(openssl rand -hex 32)
  sha() { printf %s "$1" | openssl dgst -sha256 -r | cut -d' ' -f1; }
  apply_secret flashdeal flashdeal-service-clients \
    --from-literal=order-service="$order" \
    --from-literal=product-service="$product" \
    --from-literal=auth-clients="order-service:$(sha "$order"),product-service:$(sha "$product")"
fi

if ! has signoz signoz-root; then
  # SigNoz wants a symbol and mixed case in the root password.
  apply_secret signoz signoz-root --from-literal=password="Fd-$(random)#A"
fi
