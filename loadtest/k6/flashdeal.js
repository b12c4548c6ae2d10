// Shared by every Flash Deal scenario (sale.js, capacity.js, login.js): settings from the environment, the seeded users,
// open-model executors sized by Little's law, the order call and how its answer is classified, the per-arrival ledger
// and the summary the harness reads.
//
// The harness (loadtest/harness) writes the users file (email, password, a valid access token each) before the run:
// users and tokens never cost anything inside a measured window.
import http from 'k6/http';
import { sleep } from 'k6';
import { SharedArray } from 'k6/data';

export const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:8080';
export const RUN_ID = __ENV.RUN_ID || 'run';
export const LEDGER = (__ENV.LEDGER || '1') === '1';
export const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function int(name, fallback) {
  const v = __ENV[name];
  if (v === undefined || v === '') return fallback;
  const n = parseInt(v, 10);
  if (Number.isNaN(n)) throw new Error(`${name} must be an integer, got '${v}'`);
  return n;
}

export function list(name) {
  return (__ENV[name] || '').split(',').filter((s) => s !== '').map((s) => parseInt(s, 10));
}

export const users = new SharedArray('users', () => JSON.parse(open(__ENV.USERS_FILE)));

// Pre-allocated VUs: the harness computes them from Little's law (arrival rate x expected time per arrival, with
// headroom), so k6 never has to start VUs in the middle of the measured window; MAX_VUS bounds a system that stalls.
export function arrivals(rate, seconds, startTime, stage) {
  return {
    executor: 'constant-arrival-rate', rate, timeUnit: '1s', duration: `${seconds}s`, startTime: `${startTime}s`,
    preAllocatedVUs: int('PRE_VUS', Math.max(10, rate)), maxVUs: int('MAX_VUS', Math.max(50, rate * 4)),
    gracefulStop: `${int('GRACEFUL_STOP_SECONDS', 15 + int('RETRY_SECONDS', 0))}s`, tags: { stage },
  };
}

// A lead-in stage (not measured: connections, pools; omitted when 0 s) and the measured stage at the same rate.
export function stages(rate, leadIn, duration, execName) {
  const s = { measured: Object.assign(arrivals(rate, duration, leadIn, 'measured'), { exec: execName }) };
  if (leadIn > 0) s.leadin = Object.assign(arrivals(rate, leadIn, 0, 'lead-in'), { exec: execName });
  return s;
}

// One request's upper bound: a stalled system produces timeouts (errors), not an endless window.
export const REQUEST_TIMEOUT = `${int('REQUEST_TIMEOUT_SECONDS', 10)}s`;

export function auth(user) {
  return { Authorization: `Bearer ${user.token}` };
}

// Places one order of one unit. The idempotency key is unique per arrival (contract: ^[A-Za-z0-9._:-]+$).
export function order(user, dealId, key) {
  return http.post(`${BASE_URL}/orders`, JSON.stringify({ dealId, quantity: 1 }), {
    headers: Object.assign({ 'Idempotency-Key': key }, JSON_HEADERS, auth(user)),
    tags: { name: 'order' },
    timeout: REQUEST_TIMEOUT,
    responseCallback: http.expectedStatuses(201, 202, 409, 429),
  });
}

// Phase 5 answers 202 PENDING: the buyer polls the order's Location with backoff (100 ms, doubling to 1 s) until it
// leaves PENDING, for at most POLL_SECONDS. Returns the last order seen (null when none could be read) and the time
// from `since` to the moment the decision was seen.
export const POLL_SECONDS = int('POLL_SECONDS', 60);

export function awaitDecision(user, res, since) {
  let order;
  try {
    order = res.json();
  } catch (e) {
    return { order: null, ms: Date.now() - since };
  }
  const location = res.headers['Location'] || `/orders/${order.id}`;
  let pause = 0.1;
  while (order && order.status === 'PENDING' && Date.now() - since < POLL_SECONDS * 1000) {
    sleep(pause);
    pause = Math.min(pause * 2, 1);
    const r = http.get(`${BASE_URL}${location}`, {
      headers: auth(user), tags: { name: 'poll' }, timeout: REQUEST_TIMEOUT, responseCallback: http.expectedStatuses(200),
    });
    if (r.status === 200) {
      try {
        order = r.json();
      } catch (e) {
        // an unreadable answer: poll again
      }
    }
  }
  return { order, ms: Date.now() - since };
}

// A buyer told to come back (503/504 with Retry-After) or cut off (no answer, 502) asks again with the same
// Idempotency-Key - the contract's way to learn the outcome of a request whose answer was lost (a crash between the
// commit and the answer) - while RETRY_SECONDS have not passed since the first attempt (0: never). Returns the final
// answer, the attempts and the time from the first attempt to the final answer (what the buyer waited).
export const RETRY_SECONDS = int('RETRY_SECONDS', 0);

export function orderPatiently(user, dealId, key) {
  const first = Date.now();
  let res = order(user, dealId, key);
  let attempts = 1;
  while (RETRY_SECONDS > 0 && retryable(res)) {
    const wait = retryAfter(res);
    if (Date.now() + wait * 1000 - first > RETRY_SECONDS * 1000) break;
    sleep(wait);
    res = order(user, dealId, key);
    attempts++;
  }
  return { res, attempts, ms: Date.now() - first };
}

// 429 (Phase 5's rate limit at the gateway) is retried like 503: after its Retry-After.
function retryable(res) {
  return res.status === 0 || res.status === 429 || res.status === 502 || res.status === 503 || res.status === 504;
}

function retryAfter(res) {
  const seconds = parseInt(res.headers['Retry-After'] || '1', 10);
  return Number.isNaN(seconds) ? 1 : Math.min(Math.max(seconds, 0.2), 5);
}

// created | sold_out | replayed | rate_limited | error - the outcome of an order answer. A replay of a first attempt means the
// scenario sent one arrival twice (a broken run); after a retry it is how the buyer learns the order was made. Any 409
// other than SOLD_OUT, and any other status, is an error. A 202 (Phase 5) counts as created here, i.e. accepted;
// with `decided` (the order polled to its final state) it is created when CONFIRMED, sold_out when REJECTED SOLD_OUT.
export function classify(res, attempts = 1, decided = undefined) {
  if (res.status === 201 || res.status === 202) {
    if (res.headers['Idempotent-Replayed'] === 'true' && attempts === 1) return 'replayed';
    if (res.status === 202 && decided !== undefined) {
      if (decided && decided.status === 'CONFIRMED') return 'created';
      if (decided && decided.status === 'REJECTED' && decided.rejectionCode === 'SOLD_OUT') return 'sold_out';
      return 'error';
    }
    return 'created';
  }
  if (res.status === 409 && code(res) === 'SOLD_OUT') return 'sold_out';
  // Refused at the edge by the rate limit: counted apart, neither an error nor an order.
  if (res.status === 429) return 'rate_limited';
  return 'error';
}

export function code(res) {
  try {
    return res.json('code') || '';
  } catch (e) {
    return '';
  }
}

// One line per arrival on k6's log (raw format): the harness reads them for the oracle (which orders the client saw),
// the time series, the sell-out curve and FCFS fairness. Pipe-separated to keep k6's own CPU low:
// A|index|startMs|endMs|status|code|orderId|dealId|quantity|orderMs|decidedMs
// orderMs: first attempt to final answer; endMs: when that answer came. For a 202 polled to its decision (`decided`,
// Phase 5), code is the decision: empty for CONFIRMED, the rejection code for REJECTED, PENDING when the buyer gave up
// polling; decidedMs is first attempt to the decision seen. Otherwise decidedMs = orderMs.
export function ledger(index, startMs, res, dealId, orderMs = res.timings.duration, decided = undefined, decidedMs = orderMs) {
  if (!LEDGER) return;
  let id = '';
  let quantity = '';
  let responseDeal = '';
  if (res.status === 201 || res.status === 202) {
    try {
      const body = res.json();
      id = body.id || '';
      quantity = body.quantity === undefined ? '' : body.quantity;
      responseDeal = body.dealId === undefined ? '' : body.dealId;
    } catch (e) {
      // an answer without a readable body: the oracle reports it (no id)
    }
  }
  let c = res.status === 201 ? '' : code(res);
  if (res.status === 202) {
    if (decided === undefined) c = '';
    else if (decided === null || decided.status === 'PENDING') c = 'PENDING';
    else c = decided.status === 'CONFIRMED' ? '' : decided.rejectionCode || decided.status;
  }
  console.log(`A|${index}|${startMs}|${Date.now()}|${res.status}|${c}|${id}|${responseDeal || dealId}|${quantity}|${orderMs}|${decidedMs}`);
}

// In a Kubernetes Job there is no file to hand back: SUMMARY_PATH=stdout prints the document between two marker lines
// and the harness reads it from the pod log (anything else k6 logs stays outside the markers).
const SUMMARY_BEGIN = '----- flashdeal k6 summary begin -----';
const SUMMARY_END = '----- flashdeal k6 summary end -----';

export function summary(data, line) {
  const out = {};
  const path = __ENV.SUMMARY_PATH || 'summary.json';
  if (path === 'stdout') {
    out.stdout = `${line}\n${SUMMARY_BEGIN}\n${JSON.stringify(data)}\n${SUMMARY_END}\n`;
  } else {
    out[path] = JSON.stringify(data, null, 2);
    out.stdout = `${line}\n`;
  }
  return out;
}

export const TREND_STATS = ['avg', 'min', 'med', 'p(50)', 'p(90)', 'p(95)', 'p(99)', 'p(99.9)', 'max'];
