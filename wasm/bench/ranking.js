'use strict';
// Speed of discovery ranking from JavaScript (WASM in Node), 100 000 candidates → top 20 with
// every filter active (issue 20). Run after scripts/build-wasm.sh:  node wasm/bench/ranking.js [n]
// Each line: median and best wall time, median CPU time of the process (includes GC threads),
// and the 1-minute load average when the figure was taken (the machine is shared).
//   rankCandidates, objects          the package API on plain candidate objects, conversion
//                                    included (JS packer → columns → core), deck built in JS
//   rankCandidates, JSON.parse deck  the same on the same deck after a JSON round trip (the
//                                    flat strings a backend gets from JSON.parse or a driver)
//   rankCandidates, record path      the same deck plus one candidate the packer declines
//                                    (`boost_until_ms: 0`): serde-wasm-bindgen per record, the
//                                    path every deck took before issue 20
//   columns, prepared                rankCandidateColumns on ready typed arrays
//   columns, bench toColumns         building the typed arrays in this file, then the above
//   peer: SPEC §5 in plain JS        the in-repo peer: filters, score, sort, top 20, written as
//                                    idiomatic JS (no typed arrays, no tricks), same decks
const os = require('os');
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

// SPEC §5 as a backend would write it: the in-repo peer (filters, score, top 20).
const EARTH_KM = 6371.0088;
const rad = (deg) => (deg * Math.PI) / 180;
function haversineKm(a, b) {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2
    + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
function ageOn(birthDate, today) {
  const [y, m, d] = birthDate.split('-').map(Number);
  const before = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  return today.getUTCFullYear() - y - (before ? 1 : 0);
}
function profileScore(p, now) {
  const clamp = (x) => Math.min(1, Math.max(0, x));
  const photos = clamp(p.photos / 6 + (p.has_video_intro ? 0.2 : 0));
  const present = [p.has_bio, p.birth_date, p.gender, p.location, p.interests > 0].filter(Boolean).length;
  const responsiveness = clamp(p.response_rate ?? 0);
  const loyalty = p.royal ? 1 : clamp(p.loyalty_level / 10);
  const idleHours = p.last_active_ms === undefined ? Infinity : Math.max(0, now - p.last_active_ms) / HOUR;
  const activity = clamp(1 - idleHours / 168);
  const trust = 1 - clamp(p.reports * 0.2);
  return 25 * photos + 20 * (present / 5) + 20 * responsiveness + 15 * loyalty + 10 * activity + 10 * trust;
}
function peerRank(v, cands, now, size = 20) {
  const hidden = new Set([v.user_id, ...v.liked_ids, ...v.passed_ids, ...v.blocked_ids, ...v.blocked_by_ids]);
  const wanted = new Set(v.interested_in);
  const today = new Date(now);
  const shown = cands.filter((c) => {
    const p = c.profile;
    if (!c.active || !c.verified || hidden.has(c.user_id)) return false;
    if (wanted.size > 0 && !wanted.has(p.gender)) return false;
    if (!p.birth_date) return false;
    const age = ageOn(p.birth_date, today);
    if (age < v.age_min || age > v.age_max) return false;
    return v.max_distance_km === undefined || (p.location !== undefined && haversineKm(v.location, p.location) <= v.max_distance_km);
  });
  const ranked = shown.map((c) => {
    const boost = (c.profile.royal ? 1.2 : 1) * (c.boost_until_ms > now ? 2 : 1);
    return { user_id: c.user_id, rank: profileScore(c.profile, now) * boost };
  });
  ranked.sort((a, b) => b.rank - a.rank || (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0));
  return ranked.slice(0, size);
}

const rows = [];
function measure(label, runs, f) {
  const wall = [];
  const cpu = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    out = f();
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1e3);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const row = { label, median: wall[wall.length >> 1], best: wall[0], cpu: cpu[cpu.length >> 1], load: os.loadavg()[0] };
  rows.push(row);
  console.log(`${label.padEnd(40)} median ${row.median.toFixed(2).padStart(7)} ms  best ${row.best.toFixed(2).padStart(7)} ms  cpu ${row.cpu.toFixed(2).padStart(7)} ms  load ${row.load.toFixed(1)}`);
  return out;
}

const policy = core.Policy.default();
const page = { size: 20 };
const parsed = JSON.parse(JSON.stringify(deck));
const declined = [...deck, { ...deck[1], user_id: 'zz-declined', boost_until_ms: 0 }];
const cols = toColumns(deck);
if (process.env.ONLY_COLUMNS) { for (let r = 0; r < 30; r++) core.rankCandidateColumns(policy, viewer, cols, NOW, page); process.exit(0); }
const RUNS = Number(process.env.RUNS || 21);
console.log(`${N} candidates, node ${process.version}, ${os.cpus().length} CPUs`);
const a = measure('rankCandidates, objects', RUNS, () => core.rankCandidates(policy, viewer, deck, NOW, page));
const b = measure('rankCandidates, JSON.parse deck', RUNS, () => core.rankCandidates(policy, viewer, parsed, NOW, page));
const c = measure('rankCandidates, record path (before)', 3, () => core.rankCandidates(policy, viewer, declined, NOW, page));
const d = measure('columns, prepared', RUNS, () => core.rankCandidateColumns(policy, viewer, cols, NOW, page));
measure('columns, bench toColumns + rank', 11, () => core.rankCandidateColumns(policy, viewer, toColumns(deck), NOW, page));
const e = measure('peer: SPEC §5 in plain JS, objects', RUNS, () => peerRank(viewer, deck, NOW));
measure('peer: SPEC §5 in plain JS, JSON.parse deck', RUNS, () => peerRank(viewer, parsed, NOW));

const top = (r) => JSON.stringify((r.results ?? r).map((x) => x.user_id));
const same = [b, c, d, e].every((r) => top(r) === top(a));
const ratio = (x, y) => (rows[y].median / rows[x].median).toFixed(2);
console.log(`all paths and the peer agree on the top ${a.results.length}: ${same}; top: ${a.results.slice(0, 3).map((r) => `${r.user_id} ${r.rank.toFixed(2)}`).join(', ')}`);
console.log(`peer / rankCandidates (median): objects ${ratio(0, 5)}×, JSON.parse deck ${ratio(1, 6)}×; record path / packed ${ratio(0, 2)}×`);
if (!same) process.exit(1);
