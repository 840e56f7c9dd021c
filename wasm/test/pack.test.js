'use strict';
// Issue 20: `rankCandidates` packs plain candidate objects into columns in JS (wasm/js/pack.js)
// and falls back to decoding the records one by one whenever the packer declines. These tests
// compare the two paths on the same decks: a candidate with `boost_until_ms: 0` (no boost, as
// `undefined` is, for any `nowMs` from the epoch on) makes the packer decline the whole deck.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const core = require('@avalo/core');

const NOW = 1_795_435_200_000;
const HOUR = 3_600_000;
let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const below = (n) => Math.floor(rnd() * n);
const pick = (...xs) => xs[below(xs.length)];

function candidate(i) {
  const profile = {};
  // Every field absent, null or set, in any mix: the packer must agree with serde's reading.
  if (rnd() < 0.9) profile.photos = below(9);
  if (rnd() < 0.9) profile.has_video_intro = rnd() < 0.3;
  if (rnd() < 0.9) profile.has_bio = rnd() < 0.7;
  const y = 1980 + below(30);
  profile.birth_date = pick(`${y}-0${1 + below(9)}-1${below(9)}`, `${y}-12-31`, '2000-02-29', null, undefined);
  profile.gender = pick('female', 'male', 'non_binary', null, undefined);
  profile.location = pick({ lat: 52.2 + rnd() - 0.5, lon: 21 + rnd() - 0.5 }, null, undefined, { lat: -90, lon: 180 });
  if (rnd() < 0.9) profile.interests = below(6);
  profile.response_rate = pick(rnd(), 0, 1.5, -0.25, null, undefined);
  if (rnd() < 0.8) profile.royal = rnd() < 0.2;
  if (rnd() < 0.9) profile.loyalty_level = below(15);
  profile.last_active_ms = pick(NOW - below(400) * HOUR, NOW + HOUR, null, undefined, 0);
  if (rnd() < 0.9) profile.reports = pick(0, 0, 1, 7);
  return {
    user_id: `u${String(below(1e6)).padStart(6, '0')}-${i}`,
    active: rnd() < 0.9,
    verified: rnd() < 0.9,
    boost_until_ms: pick(undefined, undefined, null, NOW + HOUR, NOW - HOUR, -5),
    profile,
  };
}

const viewers = [
  { user_id: 'viewer', age_min: 18, age_max: 99 },
  { user_id: 'viewer', interested_in: ['female', 'non_binary'], age_min: 22, age_max: 40,
    location: { lat: 52.2, lon: 21 }, max_distance_km: 40, liked_ids: ['u000001-1'], blocked_by_ids: ['x'] },
];
const extra = { user_id: 'zz-extra', active: true, verified: true, profile: { photos: 3 } };
const both = (deck) => [[...deck, extra], [...deck, { ...extra, boost_until_ms: 0 }]];

test('packed and record paths give the same pages, explanations included', () => {
  const p = core.Policy.default();
  for (let round = 0; round < 20; round++) {
    const deck = Array.from({ length: 300 }, (_, i) => candidate(i));
    const [packed, records] = both(deck);
    for (const viewer of viewers) {
      for (const page of [undefined, { size: 50, offset: 3, explain: true }]) {
        assert.deepEqual(
          core.rankCandidates(p, viewer, packed, NOW, page),
          core.rankCandidates(p, viewer, records, NOW, page),
        );
      }
    }
  }
});

test('decks the packer declines or the columns refuse still rank, or fail, as records do', () => {
  const p = core.Policy.default();
  const viewer = viewers[0];
  const ok = (c) => [{ user_id: 'a', active: true, verified: true, profile: { photos: 2 } }, c];
  // Accepted by the record path: a newline in an id, U+FFFD itself, a time before the epoch.
  for (const deck of [ok({ ...extra, user_id: 'b\nc' }), ok({ ...extra, user_id: 'b\ufffd' })]) {
    const [packed, records] = both(deck);
    assert.deepEqual(core.rankCandidates(p, viewer, packed, NOW), core.rankCandidates(p, viewer, records, NOW));
  }
  // Before the epoch "no boost" is not the columns' 0: both candidates stay unboosted.
  const old = { active: true, verified: true, profile: { photos: 3, birth_date: '1940-01-01' } };
  const early = [{ ...old, user_id: 'b' }, { ...old, user_id: 'a', boost_until_ms: -2000 }];
  const [first, second] = core.rankCandidates(p, viewer, early, -1000).results;
  assert.equal(first.rank, second.rank);
  // Refused by the record path, with its own message whichever path was tried first.
  const bad = [
    { ...extra, profile: { photos: -1 } },
    { ...extra, profile: { photos: 1.5 } },
    { ...extra, profile: { birth_date: '2001-02-29' } },
    { ...extra, profile: { birth_date: '0000-00-00' } },
    { ...extra, profile: { birth_date: '2001-2-28' } },
    { ...extra, profile: { gender: 'other' } },
    { ...extra, profile: { location: { lat: 91, lon: 0 } } },
    { ...extra, profile: { response_rate: NaN } },
    { ...extra, profile: { last_active_ms: 0.5 } },
    { ...extra, boost_until_ms: 2 ** 53 },
    { ...extra, active: 1 },
    { ...extra, user_id: 'a\ud800' },
    { ...extra, profile: null },
  ];
  for (const c of bad) {
    const reasons = both(ok(c)).map((deck) => {
      try {
        core.rankCandidates(p, viewer, deck, NOW);
        return 'accepted';
      } catch (e) {
        assert.equal(e.code, 'INVALID_INPUT', e.message);
        return e.reason;
      }
    });
    assert.notEqual(reasons[0], 'accepted', JSON.stringify(c));
    assert.equal(reasons[0], reasons[1], JSON.stringify(c));
  }
});

test('a candidate getter that ranks another deck does not disturb the outer deck', () => {
  const p = core.Policy.default();
  const viewer = viewers[0];
  const deck = Array.from({ length: 50 }, (_, i) => candidate(i));
  const expected = core.rankCandidates(p, viewer, deck, NOW, { size: 50, explain: true });
  const nested = deck.map((c, i) => (i === 10 ? {
    ...c,
    get active() {
      core.rankCandidates(p, viewer, Array.from({ length: 40 }, (_, j) => candidate(j + 100)), NOW);
      return c.active;
    },
  } : c));
  assert.deepEqual(core.rankCandidates(p, viewer, nested, NOW, { size: 50, explain: true }), expected);
});
