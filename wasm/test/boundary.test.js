'use strict';
// The JS boundary conventions of @avalo/core (wasm/README.md): numbers, money, errors, the
// Policy class. The behaviour itself is covered by the conformance vectors.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const core = require('@avalo/core');
const { Policy } = core;

const MAX = Number.MAX_SAFE_INTEGER;

/** Asserts that `fn` throws an AvaloError with `code`; returns it. */
function throwsCode(fn, code) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `expected ${code}, nothing was thrown`);
  assert.ok(core.isAvaloError(caught), `expected an AvaloError, got ${caught?.stack ?? caught}`);
  assert.equal(caught.code, code, caught.message);
  return caught;
}

test('errors are Error objects with a stable code and a reason', () => {
  const e = throwsCode(() => core.splitTip(Policy.default(), 'u1', 'u1', 50), 'SELF_PAYMENT');
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'AvaloError');
  assert.equal(typeof e.reason, 'string');
  assert.ok(e.reason.length > 0);
  assert.equal(e.message, `${e.code}: ${e.reason}`);
  assert.equal(core.errorInfo(e.code).message, 'You cannot pay yourself.');
  assert.equal(core.isAvaloError(new Error('plain')), false);
  assert.equal(core.isAvaloError(null), false);
  assert.equal(core.isAvaloError({ name: 'AvaloError', code: 'X' }), false);
  assert.deepEqual(core.errorCodes().slice(0, 2), ['RATE_LIMITED', 'LAUNCH_MODE_RESTRICTED']);
  assert.equal(core.errorCodes().length, 59);
});

test('tokens up to Number.MAX_SAFE_INTEGER pass, above are INVALID_INPUT', () => {
  assert.equal(core.splitAmount(MAX, 10000).creator, MAX);
  const e = throwsCode(() => core.splitAmount(MAX + 1, 6500), 'INVALID_INPUT');
  assert.match(e.reason, /MAX_SAFE_INTEGER/);
  throwsCode(() => core.tokensToPln(Policy.default(), 2 ** 60), 'INVALID_INPUT');
  throwsCode(() => core.splitRevenue(Policy.default(), 'chat', MAX + 1), 'INVALID_INPUT');
});

test('non-integers, negatives and values of the wrong JS type are INVALID_INPUT, never coerced', () => {
  const p = Policy.default();
  for (const bad of [-1, 1.5, NaN, Infinity, undefined, null, '7', 7n, true]) {
    throwsCode(() => core.splitRevenue(p, 'chat', bad), 'INVALID_INPUT');
  }
  // wasm-bindgen's primitive parameters would turn null into 0 / false and "x" into NaN.
  throwsCode(() => core.referralReward(p, null, 0), 'INVALID_INPUT');
  throwsCode(() => core.referralReward(p, 'yes', 0), 'INVALID_INPUT');
  throwsCode(() => core.referralReward(p, true, null), 'INVALID_INPUT');
  throwsCode(() => core.splitTip(p, null, 'c1', 50), 'INVALID_INPUT');
  throwsCode(() => core.registerReferral(undefined, 'u1'), 'INVALID_INPUT');
  throwsCode(() => core.registerReferral('r1', 'u1', 42), 'INVALID_INPUT');
  throwsCode(() => core.packPrice(p, 'mini', 978), 'INVALID_INPUT');
  throwsCode(() => Policy.fromPatch({ version: 'x' }), 'INVALID_INPUT');
  assert.equal(core.registerReferral('r1', 'u1', null), 'r1');
  // A u32 parameter would silently wrap -1 to 4294967295 without the facade's check.
  throwsCode(() => core.basisPoints(-1), 'INVALID_INPUT');
  throwsCode(() => core.retryDelay(p, 'SERVICE_DEGRADED', 1.5, 0), 'INVALID_INPUT');
  throwsCode(() => core.retryDelay(p, 'SERVICE_DEGRADED', 2 ** 32 + 1, 0), 'INVALID_INPUT');
});

test('numbers inside records follow the same rule, in and out', () => {
  const p = Policy.default();
  const request = { amount: 1000, available_balance: 5000, kyc_verified: true, method: 'paypal', requested_at_ms: 1795176000000 };
  assert.equal(core.quoteWithdrawal(p, request).net_tokens, 980);
  for (const [key, bad] of [['amount', MAX + 1], ['amount', -5], ['amount', 2.5], ['requested_at_ms', 2 ** 53]]) {
    const e = throwsCode(() => core.quoteWithdrawal(p, { ...request, [key]: bad }), 'INVALID_INPUT');
    assert.match(e.reason, /WithdrawalRequest/);
  }
  throwsCode(() => core.quoteWithdrawal(p, { ...request, kyc_verified: undefined }), 'INVALID_INPUT');
  throwsCode(() => core.splitCumulativeBatch(p, 'chat', undefined, [1, MAX + 1]), 'INVALID_INPUT');
  // A result above 2^53 − 1 is refused, not rounded.
  const state = { total: MAX, creator_total: 5854679515581644 };
  assert.equal(core.splitCumulativeBatch(p, 'chat', state, []).state.total, MAX);
  const e = throwsCode(() => core.splitCumulativeBatch(p, 'chat', state, [1]), 'INVALID_INPUT');
  assert.match(e.reason, /MAX_SAFE_INTEGER/);
});

test('enums and records of the wrong shape are INVALID_INPUT', () => {
  const p = Policy.default();
  throwsCode(() => core.splitRevenue(p, 'Chat', 1), 'INVALID_INPUT');
  throwsCode(() => core.splitRevenue(p, undefined, 1), 'INVALID_INPUT');
  throwsCode(() => core.subscriptionPrice(p, 'gold', 'PLN'), 'INVALID_INPUT');
  throwsCode(() => core.convertFromPln({ amount: 1 }, 'EUR', '0.25'), 'INVALID_INPUT');
  throwsCode(() => core.errorInfo('rate_limited'), 'INVALID_INPUT');
});

test('money is a decimal string with the canonical scale', () => {
  assert.deepEqual(core.parseMoney('12.3', 'pln'), { amount: '12.30', currency: 'PLN' });
  assert.deepEqual(core.parseMoney('1000', 'JPY'), { amount: '1000', currency: 'JPY' });
  assert.equal(core.minorUnits({ amount: '184467440737095516.15', currency: 'PLN' }), '18446744073709551615');
  throwsCode(() => core.parseMoney('12.345', 'PLN'), 'INVALID_INPUT');
  assert.deepEqual(core.convertFromPln({ amount: '100', currency: 'PLN' }, 'SEK', '2.6789'), { amount: '267.89', currency: 'SEK' });
  throwsCode(() => core.packPrice(Policy.default(), 'mini', 'GBP', 'abc'), 'INVALID_INPUT');
  assert.equal(core.packPrice(Policy.default(), 'mini', 'PLN').price_per_token, '0.3199');
  assert.deepEqual(core.currencyInfo('huf'), { code: 'HUF', minor_digits: 0 });
  assert.ok(core.currencies().some((c) => c.code === 'PLN' && c.minor_digits === 2));
});

test('Policy is parsed once and reused; patches and JSON round-trip', () => {
  const p = Policy.default();
  assert.equal(p.version, '2026.11');
  assert.match(p.fingerprint, /^[0-9a-f]{64}$/);
  const again = Policy.fromJson(p.canonicalJson());
  assert.equal(again.fingerprint, p.fingerprint);
  const patched = Policy.fromPatch('{"splits":{"chat_creator_bp":7000}}');
  assert.notEqual(patched.fingerprint, p.fingerprint);
  assert.equal(core.splitRevenue(patched, 'chat', 100).creator, 70);
  assert.equal(core.splitRevenue(patched, 'chat', 100).policy_fingerprint, patched.fingerprint);
  const e = throwsCode(() => Policy.fromPatch('{"payout":{"min_tokens":"five"}}'), 'INVALID_INPUT');
  assert.match(e.reason, /payout\.min_tokens/);
  throwsCode(() => Policy.fromJson('not json'), 'INVALID_INPUT');
  assert.deepEqual(Policy.problemsInJson(p.canonicalJson()), []);
  assert.equal(Policy.problemsInJson('{"version":1}')[0].path, '$.version');
  for (const x of [again, patched]) x.free();
});

// Issue 14, item 7: the errors the wasm-bindgen glue raises itself carry a code too.
test('a freed Policy, a plain object or null where a Policy is expected is INVALID_INPUT', () => {
  const freed = Policy.default();
  freed.free();
  let e = throwsCode(() => core.splitRevenue(freed, 'chat', 100), 'INVALID_INPUT');
  assert.match(e.reason, /freed/);
  e = throwsCode(() => freed.fingerprint, 'INVALID_INPUT');
  assert.match(e.reason, /freed/);
  throwsCode(() => freed.canonicalJson(), 'INVALID_INPUT');
  e = throwsCode(() => core.splitRevenue({}, 'chat', 100), 'INVALID_INPUT');
  assert.match(e.reason, /instance of Policy/);
  throwsCode(() => core.splitRevenue({ __wbg_ptr: 8 }, 'chat', 100), 'INVALID_INPUT');
  throwsCode(() => core.splitRevenue(null, 'chat', 100), 'INVALID_INPUT');
  throwsCode(() => core.splitRevenue(undefined, 'chat', 100), 'INVALID_INPUT');
  throwsCode(() => core.splitRevenue('policy', 'chat', 100), 'INVALID_INPUT');
  // A live policy still works after all of the above.
  assert.equal(core.splitRevenue(Policy.default(), 'chat', 101).creator, 65);
});

test('a freed Sha256Stream is INVALID_INPUT', () => {
  const h = new core.Sha256Stream();
  h.update(new Uint8Array([1, 2, 3]));
  h.free();
  throwsCode(() => h.update(new Uint8Array([4])), 'INVALID_INPUT');
  throwsCode(() => h.finish(), 'INVALID_INPUT');
});

// Issue 14, item 8: a lone UTF-16 surrogate would silently become U+FFFD in Rust.
test('lone UTF-16 surrogates in string arguments are INVALID_INPUT, never replaced', () => {
  const p = Policy.default();
  for (const bad of ['\ud800', 'a\udfffb', '\udc00x', 'x\ud83d']) {
    const e = throwsCode(() => core.sanitiseFileName(bad, 200), 'INVALID_INPUT');
    assert.match(e.reason, /surrogate/);
  }
  // A request signed over "/\ud800" must not verify for "/\udfff": signing already refuses it.
  const secret = new Uint8Array(32).fill(7);
  const body = new Uint8Array(0);
  throwsCode(() => core.signRequest(secret, 1_000_000, 'GET', '/\ud800', body), 'INVALID_INPUT');
  const signed = core.signRequest(secret, 1_000_000, 'GET', '/\ufffd', body);
  throwsCode(
    () => core.verifyRequest(p, secret, signed.timestamp, signed.signature, 'GET', '/\udfff', body, 1_000_000),
    'INVALID_INPUT',
  );
  throwsCode(() => core.splitTip(p, 'u\ud800', 'c1', 50), 'INVALID_INPUT');
  throwsCode(() => core.countWords(p, 'hello \udead world'), 'INVALID_INPUT');
  // U+FFFD itself and surrogate pairs (emoji) are valid text.
  assert.equal(typeof core.sanitiseFileName('\ufffd.jpg', 200), 'string');
  assert.equal(core.countWords(p, 'I 😀 you'), core.countWords(p, 'I 😀 you'));
});

test('lone surrogates inside records and lists are INVALID_INPUT', () => {
  const p = Policy.default();
  throwsCode(() => core.checkSpam(p, 'hello there', [{ text: 'hi\ud800', sent_at_ms: 0 }], 1000), 'INVALID_INPUT');
  throwsCode(() => core.countWordsBatch(p, ['fine', '\udc00']), 'INVALID_INPUT');
  const ctx = { user_id: 'user-42', now_ms: 0 };
  throwsCode(() => core.evaluateFlags(p, { killed_groups: ['\ud800'], flags: [] }, ctx), 'INVALID_INPUT');
  throwsCode(() => core.evaluateFlags(p, { flags: [] }, { user_id: 'u\udfff', now_ms: 0 }), 'INVALID_INPUT');
  // The six characters `\ud800` (an escaped-looking text, not a surrogate) and emoji are fine.
  assert.equal(core.countWordsBatch(p, ['\\ud800 x', '😀 y']).length, 2);
  core.checkSpam(p, 'hello there', [{ text: '\\\\ud800 😀', sent_at_ms: 0 }], 1000);
});

test('lone surrogates in the columnar deck ids and in candidate records are INVALID_INPUT', () => {
  const p = Policy.default();
  const viewer = { user_id: 'v', interested_in: ['female'], age_min: 18, age_max: 40 };
  const deck = (ids) => ({
    user_ids: ids,
    flags: new Uint8Array([3, 3]),
    photos: new Uint32Array([2, 5]),
    interests: new Uint32Array(2),
    loyalty_levels: new Uint32Array(2),
    reports: new Uint32Array(2),
    genders: new Uint8Array([1, 1]),
    birth_dates: new Uint32Array([19960510, 20000229]),
    latitudes: new Float64Array(2),
    longitudes: new Float64Array(2),
    response_rates: new Float64Array([0.5, 0.9]),
    last_active_ms: new Float64Array(2),
    boost_until_ms: new Float64Array(2),
  });
  const now = 1_795_435_200_000;
  assert.ok(Array.isArray(core.rankCandidateColumns(p, viewer, deck('a\nb'), now).results));
  throwsCode(() => core.rankCandidateColumns(p, viewer, deck('a\ud800\nb\udfff'), now), 'INVALID_INPUT');
  throwsCode(() => core.rankCandidates(p, viewer, [{ user_id: 'a\ud800', active: true, verified: true, profile: {} }], now), 'INVALID_INPUT');
});
