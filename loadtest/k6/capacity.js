// One step of the knee search: the order path alone, open-model at RATE per second, LEAD_IN seconds (not measured:
// connections, pools) then DURATION seconds measured. One hot deal at a time with ample stock: arrival i orders deal
// DEALS[floor(i / U)] as user i mod U, so every arrival is a fresh user-deal pair (the harness opens the next deal
// when the users of the current one are used up). The harness reads p99, errors and dropped arrivals of the measured
// stage from the summary and decides pass or fail against the SLO. EXPECT names the answer that counts as success:
// created (the order path's knee) or sold_out (DEALS is one sold-out deal: the knee of SOLD_OUT answers).
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import { stages, classify, int, ledger, list, order, summary, users, RUN_ID, TREND_STATS } from './flashdeal.js';

const RATE = int('RATE', 100);
const LEAD_IN = int('LEAD_IN_SECONDS', 2);
const DURATION = int('DURATION_SECONDS', 10);
const DEALS = list('DEALS');
const EXPECT = __ENV.EXPECT || 'created';
// The measured stage's arrivals follow every arrival the lead-in could start (an arrival-rate executor may start one
// more than rate x duration): no user-deal pair is used twice.
const MEASURED_OFFSET = LEAD_IN > 0 ? RATE * (LEAD_IN + 1) : 0;

const created = new Counter('orders_created');
const errors = new Rate('order_errors');
const orderDuration = new Trend('order_duration', true);

export const options = {
  discardResponseBodies: false,
  scenarios: stages(RATE, LEAD_IN, DURATION, 'arrive'),
  summaryTrendStats: TREND_STATS,
  thresholds: {
    // Always true: they make k6 report the measured stage on its own.
    'order_duration{stage:measured}': ['max>=0'],
    'order_errors{stage:measured}': ['rate>=0'],
    'orders_created{stage:measured}': ['count>=0'],
    'dropped_iterations{scenario:measured}': ['count>=0'],
    'iterations{scenario:measured}': ['count>=0'],
  },
};

export function arrive() {
  const index = (exec.scenario.name === 'measured' ? MEASURED_OFFSET : 0) + exec.scenario.iterationInTest;
  const dealIndex = Math.floor(index / users.length);
  if (dealIndex >= DEALS.length) throw new Error(`arrival ${index}: the harness opened too few deals (${DEALS.length})`);
  const dealId = DEALS[dealIndex];
  const start = Date.now();
  const res = order(users[index % users.length], dealId, `cap-${RUN_ID}-${index}`);
  const outcome = classify(res);
  orderDuration.add(res.timings.duration);
  errors.add(outcome !== EXPECT);
  if (outcome === 'created') created.add(1);
  ledger(index, start, res, dealId);
}

export function handleSummary(data) {
  const m = data.metrics['order_duration{stage:measured}'];
  const p99 = m ? m.values['p(99)'].toFixed(1) : 'n/a';
  return summary(data, `k6: capacity step ${RATE}/s for ${DURATION}s: order p99 ${p99} ms`);
}
