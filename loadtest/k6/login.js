// Auth capacity: logins open-model at RATE per second (Argon2id verification is real work and gets its own knee).
// Same step shape as capacity.js: LEAD_IN seconds not measured, then DURATION seconds measured.
import http from 'k6/http';
import exec from 'k6/execution';
import { Rate, Trend } from 'k6/metrics';
import { stages, int, summary, users, BASE_URL, JSON_HEADERS, REQUEST_TIMEOUT, TREND_STATS } from './flashdeal.js';

const RATE = int('RATE', 10);
const LEAD_IN = int('LEAD_IN_SECONDS', 2);
const DURATION = int('DURATION_SECONDS', 10);

const errors = new Rate('login_errors');
const loginDuration = new Trend('login_duration', true);

export const options = {
  scenarios: stages(RATE, LEAD_IN, DURATION, 'arrive'),
  summaryTrendStats: TREND_STATS,
  thresholds: {
    'login_duration{stage:measured}': ['max>=0'],
    'login_errors{stage:measured}': ['rate>=0'],
    'dropped_iterations{scenario:measured}': ['count>=0'],
    'iterations{scenario:measured}': ['count>=0'],
  },
};

export function arrive() {
  const user = users[exec.scenario.iterationInTest % users.length];
  const res = http.post(`${BASE_URL}/auth/login`, JSON.stringify({ email: user.email, password: user.password }), {
    headers: JSON_HEADERS, tags: { name: 'login' }, timeout: REQUEST_TIMEOUT,
  });
  loginDuration.add(res.timings.duration);
  errors.add(res.status !== 200);
}

export function handleSummary(data) {
  const m = data.metrics['login_duration{stage:measured}'];
  const p99 = m ? m.values['p(99)'].toFixed(1) : 'n/a';
  return summary(data, `k6: login step ${RATE}/s for ${DURATION}s: p99 ${p99} ms`);
}
