'use strict';
// Deterministic discovery deck for the ranking call (same shape and mix as
// wasm/bench/ranking.js and benches/benches/ranking.rs: around Warsaw, every filter active).
const NOW = 1_795_435_200_000;
const HOUR = 3_600_000;
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function deck(n, seed = 42) {
  const rnd = rng(seed);
  const below = (k) => Math.floor(rnd() * k);
  const out = [];
  for (let i = 0; i < n; i++) {
    const g = below(10);
    out.push({
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
  return out;
}
function viewer(d) {
  const ids = (step, n) => d.filter((_, i) => i % step === 0).slice(0, n).map((c) => c.user_id);
  return {
    user_id: 'viewer', interested_in: ['female', 'non_binary'], age_min: 22, age_max: 35,
    location: { lat: 52.2297, lon: 21.0122 }, max_distance_km: 50,
    liked_ids: ids(97, 500), passed_ids: ids(89, 500), blocked_ids: ids(1009, 50), blocked_by_ids: ids(1013, 50),
  };
}
const GENDER = { female: 1, male: 2, non_binary: 3 };
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
  c.user_ids = new TextEncoder().encode(idList.join('\n'));
  return c;
}
module.exports = { NOW, HOUR, deck, viewer, toColumns };
