// The flash sale: each arriving user logs in, lists the active deals and orders the hot deal once.
//
// Open model: constant-arrival-rate executors, so a slow system gets more concurrent users (as in a real sale) instead
// of fewer requests. A warm-up stage at half the rate precedes the measured stage; only the measured stage counts.
// Users and the deal are created by the harness before the run (USERS_FILE, DEAL_ID), never inside the window.
//
// Answers: 200/201 are success, 409 SOLD_OUT on the order is an expected answer, anything else is an error.
// handleSummary writes one JSON document (SUMMARY_PATH) the harness reads; thresholds make k6 exit non-zero when the
// run is invalid (too many errors, too many dropped iterations), so a broken run can never pass as a result.
import http from 'k6/http';
import exec from 'k6/execution';
import { SharedArray } from 'k6/data';
import { Counter, Rate, Trend } from 'k6/metrics';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:8080';
const DEAL_ID = __ENV.DEAL_ID;
const RATE = parseInt(__ENV.RATE || '10', 10);
const WARMUP_S = parseInt(__ENV.WARMUP_SECONDS || '10', 10);
const DURATION_S = parseInt(__ENV.DURATION_SECONDS || '30', 10);
const MAX_VUS = parseInt(__ENV.MAX_VUS || String(Math.max(50, RATE * 20)), 10);
const WARMUP_RATE = Math.max(1, Math.floor(RATE / 2));
// The measured stage's users start after every user the warm-up could take (an arrival-rate executor may start one
// iteration more than rate x duration, hence the extra second): no user may order in both stages.
const MEASURED_OFFSET = WARMUP_RATE * (WARMUP_S + 1);

const users = new SharedArray('users', () => JSON.parse(open(__ENV.USERS_FILE)));

const ordersCreated = new Counter('orders_created');
const ordersReplayed = new Counter('orders_replayed');
const ordersSoldOut = new Counter('orders_sold_out');
const usersExhausted = new Counter('users_exhausted');
const journeyErrors = new Rate('journey_errors');
const orderDuration = new Trend('order_duration', true);
const journeyDuration = new Trend('journey_duration', true);

export const options = {
  discardResponseBodies: false,
  scenarios: {
    warmup: {
      executor: 'constant-arrival-rate', exec: 'journey', rate: WARMUP_RATE, timeUnit: '1s',
      duration: `${WARMUP_S}s`, preAllocatedVUs: Math.min(MAX_VUS, WARMUP_RATE * 2), maxVUs: MAX_VUS,
      tags: { stage: 'warmup' },
    },
    measured: {
      executor: 'constant-arrival-rate', exec: 'journey', rate: RATE, timeUnit: '1s',
      duration: `${DURATION_S}s`, startTime: `${WARMUP_S}s`, preAllocatedVUs: Math.min(MAX_VUS, RATE * 2), maxVUs: MAX_VUS,
      tags: { stage: 'measured' },
    },
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(50)', 'p(95)', 'p(99)', 'p(99.9)', 'max'],
  thresholds: {
    // Validity: a run with this many errors or dropped arrivals measured something else than the system.
    'journey_errors{stage:measured}': ['rate<0.05'],
    'dropped_iterations{scenario:measured}': [`count<${Math.ceil(RATE * DURATION_S * 0.1) + 1}`],
    'users_exhausted': ['count<1'],
    'orders_replayed': ['count<1'],
    // Always true; they make k6 report the measured stage on its own.
    'http_req_duration{stage:measured}': ['max>=0'],
    'http_reqs{stage:measured}': ['count>=0'],
    'order_duration{stage:measured}': ['max>=0'],
    'journey_duration{stage:measured}': ['max>=0'],
    'orders_created{stage:measured}': ['count>=0'],
    'orders_sold_out{stage:measured}': ['count>=0'],
    'iterations{stage:measured}': ['count>=0'],
  },
};

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function journey() {
  const stage = exec.scenario.name;
  const index = (stage === 'measured' ? MEASURED_OFFSET : 0) + exec.scenario.iterationInTest;
  if (index >= users.length) {
    usersExhausted.add(1);
    return;
  }
  const user = users[index];
  const started = Date.now();

  const login = http.post(`${BASE_URL}/auth/login`, JSON.stringify({ email: user.email, password: user.password }),
    { headers: JSON_HEADERS, tags: { name: 'login' } });
  if (login.status !== 200) {
    journeyErrors.add(1);
    return;
  }
  const auth = { Authorization: `Bearer ${login.json('accessToken')}` };

  const deals = http.get(`${BASE_URL}/deals?page=0&size=20`, { headers: auth, tags: { name: 'list-deals' } });
  if (deals.status !== 200) {
    journeyErrors.add(1);
    return;
  }

  const order = http.post(`${BASE_URL}/orders`, JSON.stringify({ dealId: Number(DEAL_ID), quantity: 1 }), {
    headers: Object.assign({ 'Idempotency-Key': `k6-order-${index}` }, JSON_HEADERS, auth), // contract: ^[A-Za-z0-9._:-]+$
    tags: { name: 'order' },
    responseCallback: http.expectedStatuses(201, 409),
  });
  orderDuration.add(order.timings.duration);
  if (order.status === 201 && order.headers['Idempotent-Replayed'] === 'true') {
    ordersReplayed.add(1); // a user ordering twice: the scenario itself is wrong
    journeyErrors.add(1);
  } else if (order.status === 201) {
    ordersCreated.add(1);
    journeyErrors.add(0);
  } else if (order.status === 409 && order.json('code') === 'SOLD_OUT') {
    ordersSoldOut.add(1);
    journeyErrors.add(0);
  } else {
    journeyErrors.add(1);
  }
  journeyDuration.add(Date.now() - started);
}

// In a Kubernetes Job there is no file to hand back: SUMMARY_PATH=stdout prints the document between two marker lines
// and the harness reads it from the pod log (anything else k6 logs stays outside the markers).
const SUMMARY_BEGIN = '----- flashdeal k6 summary begin -----';
const SUMMARY_END = '----- flashdeal k6 summary end -----';

export function handleSummary(data) {
  const out = {};
  const m = data.metrics;
  const created = (m['orders_created{stage:measured}'] || { values: { count: 0 } }).values.count;
  const line = `k6: measured ${DURATION_S}s at ${RATE}/s: ${created} orders created\n`;
  const path = __ENV.SUMMARY_PATH || 'summary.json';
  if (path === 'stdout') {
    out.stdout = `${line}${SUMMARY_BEGIN}\n${JSON.stringify(data)}\n${SUMMARY_END}\n`;
  } else {
    out[path] = JSON.stringify(data, null, 2);
    out.stdout = line;
  }
  return out;
}
