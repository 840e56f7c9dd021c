'use strict';
// Speed of discovery ranking from JavaScript (WASM in Node), 100 000 candidates → top 20 with
// every filter active. Run after scripts/build-wasm.sh:  node wasm/bench/ranking.js [n]
// Prints the median of several runs for:
//   columns, prepared     rankCandidateColumns on ready typed arrays (boundary copy + ranking)
//   columns, from objects building the typed arrays from app objects, then rankCandidateColumns
//   objects               rankCandidates on an array of candidate objects (serde per object)
//   plain JS baseline     score every profile in JS, then Array.prototype.sort (no filters)
const path = require('path');
const core = require(path.join(__dirname, '..', 'pkg-node'));

const N = Number(process.argv[2] || 100_000);
const NOW = 1_795_435_200_000;
const HOUR = 3_600_000;
let seed = 42;
const rnd = () => {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const below = (n) => Math.floor(rnd() * n);

const deck = [];
for (let i = 0; i < N; i++) {
  const g = below(10);
  deck.push({
    user_id: `user-${i.toString(16).padStart(8, '0')}-${below(1e9)}`,
    active: below(100) < 95,
    verified: below(100) < 90,
    boost_until_ms: below(100) < 5 ? NOW + HOUR : undefined,
    profile: {
      photos: below(9), has_video_intro: below(4) === 0, has_bio: below(10) < 7,
      birth_date: `${1976 + below(33)}-${String(1 + below(12)).padStart(2, '0')}-${String(1 + below(28)).padStart(2, '0')}`,
      gender: g < 5 ? 'female' : g < 9 ? 'male' : 'non_binary',
      location: { lat: 52.2297 + (rnd() - 0.5) * 1.6, lon: 21.0122 + (rnd() - 0.5) * 2.4 },
      interests: below(6), response_rate: rnd(), royal: below(10) === 0, loyalty_level: below(12),
      last_active_ms: NOW - below(240) * HOUR, reports: below(10) === 0 ? below(6) : 0,
    },
  });
}
const ids = (step, n) => deck.filter((_, i) => i % step === 0).slice(0, n).map((c) => c.user_id);
const viewer = {
  user_id: 'viewer', interested_in: ['female', 'non_binary'], age_min: 22, age_max: 35,
  location: { lat: 52.2297, lon: 21.0122 }, max_distance_km: 50,
  liked_ids: ids(97, 500), passed_ids: ids(89, 500), blocked_ids: ids(1009, 50), blocked_by_ids: ids(1013, 50),
};

const GENDER = { female: 1, male: 2, non_binary: 3 };
const ENCODER = new TextEncoder();
function toColumns(cands) {
  const n = cands.length;
  const c = {
    user_ids: '', flags: new Uint8Array(n), photos: new Uint32Array(n), interests: new Uint32Array(n),
    loyalty_levels: new Uint32Array(n), reports: new Uint32Array(n), genders: new Uint8Array(n),
    birth_dates: new Uint32Array(n), latitudes: new Float64Array(n), longitudes: new Float64Array(n),
    response_rates: new Float64Array(n), last_active_ms: new Float64Array(n), boost_until_ms: new Float64Array(n),
  };
  const idList = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = cands[i]; const p = x.profile;
    idList[i] = x.user_id;
    c.flags[i] = (x.active ? 1 : 0) | (x.verified ? 2 : 0) | (p.royal ? 4 : 0) | (p.has_video_intro ? 8 : 0)
      | (p.has_bio ? 16 : 0) | (p.location ? 32 : 0) | (p.last_active_ms !== undefined ? 64 : 0);
    c.photos[i] = p.photos; c.interests[i] = p.interests; c.loyalty_levels[i] = p.loyalty_level; c.reports[i] = p.reports;
    c.genders[i] = p.gender ? GENDER[p.gender] : 0;
    c.birth_dates[i] = p.birth_date ? Number(p.birth_date.replaceAll('-', '')) : 0;
    if (p.location) { c.latitudes[i] = p.location.lat; c.longitudes[i] = p.location.lon; }
    c.response_rates[i] = p.response_rate ?? 0;
    c.last_active_ms[i] = p.last_active_ms ?? 0;
    c.boost_until_ms[i] = x.boost_until_ms ?? 0;
  }
  c.user_ids = ENCODER.encode(idList.join('\n'));
  return c;
}

function jsBaseline(cands) {
  const scored = cands.map((c) => {
    const p = c.profile;
    const photos = Math.min(1, p.photos / 6 + (p.has_video_intro ? 0.2 : 0));
    const complete = ((p.has_bio ? 1 : 0) + (p.birth_date ? 1 : 0) + (p.gender ? 1 : 0) + (p.location ? 1 : 0) + (p.interests > 0 ? 1 : 0)) / 5;
    const loyalty = p.royal ? 1 : Math.min(1, p.loyalty_level / 10);
    const activity = Math.max(0, 1 - (NOW - p.last_active_ms) / HOUR / 168);
    const trust = 1 - Math.min(1, p.reports * 0.2);
    let s = 25 * photos + 20 * complete + 20 * p.response_rate + 15 * loyalty + 10 * activity + 10 * trust;
    if (p.royal) s *= 1.2;
    return { id: c.user_id, s };
  });
  scored.sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1));
  return scored.slice(0, 20);
}

function median(label, runs, f) {
  const times = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    out = f();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} median ${times[times.length >> 1].toFixed(2).padStart(8)} ms   best ${times[0].toFixed(2).padStart(8)} ms`);
  return out;
}

const policy = core.Policy.default();
const cols = toColumns(deck);
if (process.env.ONLY_COLUMNS) { for (let r = 0; r < 30; r++) core.rankCandidateColumns(policy, viewer, cols, NOW, { size: 20 }); process.exit(0); }
const a = median(`columns, prepared (${N})`, 51, () => core.rankCandidateColumns(policy, viewer, cols, NOW, { size: 20 }));
median(`columns, from objects (${N})`, 11, () => core.rankCandidateColumns(policy, viewer, toColumns(deck), NOW, { size: 20 }));
const b = median(`objects (${N})`, 5, () => core.rankCandidates(policy, viewer, deck, NOW, { size: 20 }));
median(`plain JS baseline, no filters (${N})`, 11, () => jsBaseline(deck));
const same = JSON.stringify(a.results.map((r) => r.user_id)) === JSON.stringify(b.results.map((r) => r.user_id));
console.log(`columns and objects agree: ${same}; top: ${a.results.slice(0, 3).map((r) => `${r.user_id} ${r.rank.toFixed(2)}`).join(', ')}`);
if (!same) process.exit(1);
