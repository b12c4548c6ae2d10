#!/usr/bin/env python3
"""Login under a password-guessing flood, against a running system (`make up VARIANT=...`).

ATTACKERS threads send wrong passwords for a pool of accounts from one client address (127.0.0.2), while genuine
customers log in from another (127.0.0.1), one a second, each with an account of their own (a customer logs in once,
not once a second: the per-account limit would refuse that too) - both addresses are loopback on Linux, so the
gateway sees two peers, as it would see an attacker and its customers. Argon2id makes every attempt cost auth-service CPU: without a limit the flood
starves genuine logins; with phase5-ratelimit's buckets (per account and per client address) the attacker's attempts
are refused at the edge (429) and the genuine login keeps its latency.

Prints one JSON object: the genuine login's latency before and during the flood, and every answer by status.
Standard library only. Settings: GATEWAY_URL (http://127.0.0.1:8080), ATTACKERS (32), SECONDS (30), ACCOUNTS (20).
"""
import collections
import http.client
import json
import os
import statistics
import threading
import time
import urllib.parse
import uuid

GATEWAY = urllib.parse.urlsplit(os.environ.get("GATEWAY_URL", "http://127.0.0.1:8080"))
ATTACKERS = int(os.environ.get("ATTACKERS", "32"))
SECONDS = int(os.environ.get("SECONDS", "30"))
ACCOUNTS = int(os.environ.get("ACCOUNTS", "20"))
ATTACKER_ADDRESS = "127.0.0.2"
CUSTOMER_ADDRESS = "127.0.0.1"


def post(source, path, body):
    """One request on a fresh connection from `source`; returns (status, milliseconds)."""
    connection = http.client.HTTPConnection(
        GATEWAY.hostname, GATEWAY.port or 80, timeout=30, source_address=(source, 0))
    started = time.perf_counter()
    try:
        connection.request("POST", path, json.dumps(body), {"content-type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status, (time.perf_counter() - started) * 1000
    finally:
        connection.close()


def main():
    run = uuid.uuid4().hex[:8]
    customers = []
    for i in range(SECONDS + 5):
        customer = {"email": f"flood-customer-{run}-{i}@flashdeal.test", "password": "customer-password-0123"}
        status, _ = post(CUSTOMER_ADDRESS, "/auth/signup", customer)
        if status != 201:
            raise SystemExit(f"signup of a genuine customer answered {status}")
        customers.append(customer)
    # The accounts under attack exist too (a login for an unknown e-mail may cost less).
    victims = []
    for i in range(ACCOUNTS):
        victim = {"email": f"flood-victim-{run}-{i}@flashdeal.test", "password": "victim-password-0123"}
        post(CUSTOMER_ADDRESS, "/auth/signup", victim)
        victims.append(victim["email"])

    waiting = iter(customers)

    def login():
        return post(CUSTOMER_ADDRESS, "/auth/login", next(waiting))

    before = [login() for _ in range(5)]
    stop = time.time() + SECONDS
    attempts = collections.Counter()
    lock = threading.Lock()

    def attacker(n):
        i = n
        while time.time() < stop:
            email = victims[i % len(victims)]
            i += ATTACKERS
            try:
                s, _ = post(ATTACKER_ADDRESS, "/auth/login", {"email": email, "password": "wrong-password-0123"})
            except OSError:
                s = "connection error"
            with lock:
                attempts[s] += 1

    during = []

    def customer_logs_in():
        while time.time() < stop:
            started = time.time()
            try:
                during.append(login())
            except OSError:
                during.append(("connection error", None))
            time.sleep(max(0.0, 1 - (time.time() - started)))

    threads = [threading.Thread(target=attacker, args=(n,)) for n in range(ATTACKERS)]
    threads.append(threading.Thread(target=customer_logs_in))
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    def figures(samples):
        ok = [ms for s, ms in samples if s == 200]
        return {
            "answers": dict(collections.Counter(str(s) for s, _ in samples)),
            "median_ms": round(statistics.median(ok)) if ok else None,
            "max_ms": round(max(ok)) if ok else None,
        }

    print(json.dumps({
        "attackers": ATTACKERS,
        "seconds": SECONDS,
        "genuine_login_before": figures(before),
        "genuine_login_during_flood": figures(during),
        "attacker_answers": {str(k): v for k, v in attempts.items()},
        "attacker_requests_per_second": round(sum(attempts.values()) / SECONDS, 1),
    }))


if __name__ == "__main__":
    main()
