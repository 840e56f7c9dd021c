'use strict';
// How the rate limiter's integer state crosses the JS boundary (wasm/src/ratelimit.rs): a
// whole `number`, checked against Number.MAX_SAFE_INTEGER both ways, never rounded.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const core = require('@avalo/core');

const LOGIN = { limit: 10, window_ms: 300_000, burst: 10 };
const T0 = 1_795_176_000_000;

function throwsInvalid(fn) {
  assert.throws(fn, (e) => core.isAvaloError(e) && e.code === 'INVALID_INPUT');
}

test('the state is a number that round-trips through storage', () => {
  let state = 0;
  for (let i = 0; i < 10; i++) state = core.decide(LOGIN, state, T0, 1).new_state;
  assert.equal(typeof state, 'number');
  const stored = JSON.parse(JSON.stringify({ state })).state;
  const d = core.decide(LOGIN, stored, T0, 1);
  assert.deepEqual(d, { allowed: false, remaining: 0, retry_after_ms: 30_000, new_state: state });
});

test('states and times above MAX_SAFE_INTEGER, non-integers and other types are refused', () => {
  throwsInvalid(() => core.decide(LOGIN, Number.MAX_SAFE_INTEGER + 1, T0, 1));
  throwsInvalid(() => core.decide(LOGIN, 1.5, T0, 1));
  throwsInvalid(() => core.decide(LOGIN, '0', T0, 1));
  throwsInvalid(() => core.decide(LOGIN, 0n, T0, 1));
  throwsInvalid(() => core.decide(LOGIN, null, T0, 1));
  throwsInvalid(() => core.decide(LOGIN, 0, T0 + 0.5, 1));
  throwsInvalid(() => core.decide(LOGIN, 0, T0, -1));
  throwsInvalid(() => core.decide({ limit: 10, window_ms: 300_000 }, 0, T0, 1));
});

test('a state that would exceed MAX_SAFE_INTEGER is refused, not rounded', () => {
  // 10 000 per 7 ms counts in 1/10 000 ms ticks: at T0 the state is about 1.8e16 > 2^53.
  const fine = { limit: 10_000, window_ms: 7, burst: 5 };
  assert.equal(core.rateLimit(fine).ticks_per_ms, 10_000);
  throwsInvalid(() => core.decide(fine, 0, T0, 1));
  assert.equal(core.decide(fine, 0, 1_000, 1).new_state, 1_000 * 10_000 + 7);
});

test('an ActionLimit rate is accepted as a limit, and the peek leaves the state alone', () => {
  const api = core.actionLimit(core.Policy.default(), 'api', 'creator');
  assert.equal(api.rate.limit, 300);
  const d = core.decide(api.rate, 0, T0, 0);
  assert.deepEqual(d, { allowed: true, remaining: 300, retry_after_ms: 0, new_state: 0 });
  assert.equal(core.failurePolicy(core.Policy.default(), 'login'), 'closed');
  assert.equal(core.validateSubject('user:42'), undefined);
  throwsInvalid(() => core.validateSubject('a\nb'));
});
