// The flash sale: a hot deal of S units opens at T0 and U users (about 10 x S) arrive open-model at RATE per second.
// Each arrival reads the deal and orders one unit, once - repeating it with the same Idempotency-Key when told to come
// back (503 + Retry-After) or cut off, for at most RETRY_SECONDS. 201 and 409 SOLD_OUT are the expected answers, or
// (Phase 5) 202 PENDING, after which the buyer polls the order until it is CONFIRMED or REJECTED.
//
// Arrival i is user i: no user orders twice, so a replayed order means the scenario is broken. The deal is fresh for
// every run (the harness creates it just before), so the same seeded users serve every repeat and variant.
// Validity (k6 exits 99, the harness marks the run INVALID): the generator dropped arrivals, ran out of users or sent
// an arrival twice — the measurement, not the system, failed. Errors of the system are results, not invalidity.
import http from 'k6/http';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import { arrivals, auth, awaitDecision, classify, int, ledger, orderPatiently, summary, users, BASE_URL, POLL_SECONDS, REQUEST_TIMEOUT, RUN_ID, TREND_STATS } from './flashdeal.js';

const DEAL_ID = int('DEAL_ID', 0);
const RATE = int('RATE', 100);
const ARRIVALS = int('ARRIVALS', users.length);
const SECONDS = Math.max(1, Math.ceil(ARRIVALS / RATE));

const created = new Counter('orders_created');
const soldOut = new Counter('orders_sold_out');
const replayed = new Counter('orders_replayed');
const failed = new Counter('orders_failed');
const rateLimited = new Counter('orders_rate_limited');
const retried = new Counter('orders_retried');
const exhausted = new Counter('users_exhausted');
const orderCreated = new Trend('order_created_duration', true);
const orderSoldOut = new Trend('order_sold_out_duration', true);
// Phase 5 only: first attempt to the 202, and to the decision seen by polling.
const orderAccepted = new Trend('order_accepted_duration', true);
const orderDecided = new Trend('order_decided_duration', true);

export const options = {
  discardResponseBodies: false,
  scenarios: {
    sale: Object.assign(arrivals(RATE, SECONDS, 0, 'measured'), { exec: 'arrive' }, { gracefulStop: `${int('GRACEFUL_STOP_SECONDS', 15 + int('RETRY_SECONDS', 0)) + POLL_SECONDS}s` }),
  },
  summaryTrendStats: TREND_STATS,
  thresholds: {
    // Validity of the measurement (not of the system): at most 1 % of the arrivals dropped by the generator.
    'dropped_iterations': [`count<=${Math.floor(ARRIVALS * 0.01)}`],
    'users_exhausted': ['count<1'],
    'orders_replayed': ['count<1'],
    'http_req_duration{name:order}': ['max>=0'],
    'http_req_duration{name:read-deal}': ['max>=0'],
  },
};

export function arrive() {
  const index = exec.scenario.iterationInTest;
  if (index >= ARRIVALS) return; // the executor's last second may hold more slots than arrivals
  if (index >= users.length) {
    exhausted.add(1);
    return;
  }
  const user = users[index];
  const start = Date.now();
  http.get(`${BASE_URL}/deals/${DEAL_ID}`, { headers: auth(user), tags: { name: 'read-deal' }, timeout: REQUEST_TIMEOUT });
  const first = Date.now();
  const { res, attempts, ms } = orderPatiently(user, DEAL_ID, `sale-${RUN_ID}-${index}`);
  let decided;
  let decidedMs = ms;
  if (res.status === 202 && !(res.headers['Idempotent-Replayed'] === 'true' && attempts === 1)) {
    orderAccepted.add(ms);
    const d = awaitDecision(user, res, first);
    decided = d.order;
    decidedMs = d.ms;
    orderDecided.add(decidedMs);
  }
  const outcome = classify(res, attempts, decided);
  if (outcome === 'created') {
    created.add(1);
    orderCreated.add(decidedMs);
  } else if (outcome === 'sold_out') {
    soldOut.add(1);
    orderSoldOut.add(decidedMs);
  } else if (outcome === 'replayed') {
    replayed.add(1);
  } else if (outcome === 'rate_limited') {
    rateLimited.add(1);
  } else {
    failed.add(1);
  }
  if (attempts > 1) retried.add(1);
  ledger(index, start, res, DEAL_ID, ms, decided, decidedMs);
}

export function handleSummary(data) {
  const c = (data.metrics.orders_created || { values: { count: 0 } }).values.count;
  return summary(data, `k6: sale of deal ${DEAL_ID}: ${ARRIVALS} arrivals at ${RATE}/s, ${c} orders created`);
}
