// Packs an array of candidate objects (the `Candidate[]` of `rankCandidates`) into the columnar
// deck of `rankCandidateColumns` in one monomorphic pass: a few property reads per candidate
// in JS instead of one boundary crossing per field in serde-wasm-bindgen.
//
// No rule lives here: this only copies values. It packs a deck only when every value is
// represented exactly by the columns (the types serde would accept, whole numbers in range,
// the strict `YYYY-MM-DD` shape, ids without lone surrogates); for anything else it returns
// `undefined` and `rankCandidates` decodes the objects one by one as before, so every refusal
// and every message stays the one of the record path. (Imported by wasm/src/ranking/pack.rs.)

const ENCODER = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const wellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (s) => s.isWellFormed()
  : (s) => !LONE_SURROGATE.test(s);

// An absent optional value: serde-wasm-bindgen reads `undefined` and `null` as `None`.
const absent = (v) => v === undefined || v === null;
// A `u32` field (`undefined` is the serde default 0); -1 when it is not one.
const u32 = (v) => (v === undefined ? 0 : typeof v === 'number' && v >>> 0 === v ? v : -1);
// A `bool` field (`undefined` is the serde default false); -1 when it is not one.
const bit = (v, b) => (v === undefined || v === false ? 0 : v === true ? b : -1);

// "YYYY-MM-DD" as the number yyyymmdd (the calendar check is the core's); -1 if not shaped.
function yyyymmdd(s) {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  // Each a digit: `x >>> 0 > 9` is true for negatives too.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return -1;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return -1;
  const v = (((y0 * 10 + y1) * 10 + y2) * 10 + y3) * 10000 + (m0 * 10 + m1) * 100 + d0 * 10 + d1;
  return v === 0 ? -1 : v; // 0 means "no birth date" in the columns
}

function genderCode(g) {
  if (g === 'female') return 1;
  if (g === 'male') return 2;
  if (g === 'non_binary') return 3;
  return -1;
}

// Column buffers reused from call to call (grown to the largest deck seen): the wasm side
// copies them before `rankCandidates` returns, and JS is single-threaded, so no call sees
// another's data. Every entry below `n` is written by each call. A nested call (a getter on a
// candidate that ranks another deck) gets buffers of its own.
let cache = null;
let busy = false;
function buffers(n) {
  if (busy) return allocate(n);
  if (cache === null || cache.flags.length < n) cache = allocate(Math.max(n, 1024));
  return cache;
}
function allocate(size) {
  return {
    flags: new Uint8Array(size),
    genders: new Uint8Array(size),
    photos: new Uint32Array(size),
    interests: new Uint32Array(size),
    loyalty: new Uint32Array(size),
    reports: new Uint32Array(size),
    births: new Uint32Array(size),
    lats: new Float64Array(size),
    lons: new Float64Array(size),
    rates: new Float64Array(size),
    active: new Float64Array(size),
    boosts: new Float64Array(size),
  };
}

/**
 * The columnar deck for `candidates`, or `undefined` when some value is not represented
 * exactly (the caller then takes the record path).
 * @param {unknown} candidates
 */
export function packCandidates(candidates) {
  if (!Array.isArray(candidates)) return undefined;
  if (busy) return pack(candidates);
  busy = true;
  try {
    return pack(candidates);
  } finally {
    busy = false;
  }
}

function pack(candidates) {
  const n = candidates.length;
  const {
    flags, genders, photos, interests, loyalty, reports, births, lats, lons, rates, active, boosts,
  } = buffers(n);
  const ids = [];
  for (let i = 0; i < n; i++) {
    const c = candidates[i];
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return undefined;
    const id = c.user_id;
    if (typeof id !== 'string') return undefined;
    ids.push(id);
    const a = c.active;
    const v = c.verified;
    if (typeof a !== 'boolean' || typeof v !== 'boolean') return undefined;
    const boost = c.boost_until_ms;
    if (absent(boost)) {
      boosts[i] = 0;
    } else {
      // 0 is "no boost" in the columns: an explicit 0 takes the record path.
      if (typeof boost !== 'number' || !Number.isSafeInteger(boost) || boost === 0) return undefined;
      boosts[i] = boost;
    }
    const p = c.profile;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) return undefined;
    let f = (a ? 1 : 0) | (v ? 2 : 0);
    const royal = bit(p.royal, 4);
    const video = bit(p.has_video_intro, 8);
    const bio = bit(p.has_bio, 16);
    if ((royal | video | bio) < 0) return undefined;
    f |= royal | video | bio;
    const ph = u32(p.photos);
    const it = u32(p.interests);
    const lv = u32(p.loyalty_level);
    const rp = u32(p.reports);
    if (ph < 0 || it < 0 || lv < 0 || rp < 0) return undefined;
    photos[i] = ph;
    interests[i] = it;
    loyalty[i] = lv;
    reports[i] = rp;
    const b = p.birth_date;
    const d = absent(b) ? 0 : yyyymmdd(b);
    const g = p.gender;
    const code = absent(g) ? 0 : genderCode(g);
    if (d < 0 || code < 0) return undefined;
    births[i] = d;
    genders[i] = code;
    const loc = p.location;
    if (absent(loc)) {
      lats[i] = 0;
      lons[i] = 0;
    } else {
      if (typeof loc !== 'object' || Array.isArray(loc)) return undefined;
      const lat = loc.lat;
      const lon = loc.lon;
      if (typeof lat !== 'number' || typeof lon !== 'number') return undefined;
      lats[i] = lat;
      lons[i] = lon;
      f |= 32;
    }
    const r = p.response_rate;
    if (absent(r)) {
      rates[i] = 0;
    } else {
      if (typeof r !== 'number') return undefined;
      rates[i] = r;
    }
    const t = p.last_active_ms;
    if (absent(t)) {
      active[i] = 0;
    } else {
      if (typeof t !== 'number' || !Number.isSafeInteger(t)) return undefined;
      active[i] = t;
      f |= 64;
    }
    flags[i] = f;
  }
  const joined = ids.join('\n');
  if (!wellFormed(joined)) return undefined;
  // Views of the reused buffers: read (copied into wasm) before this call's caller returns.
  return {
    user_ids: ENCODER.encode(joined),
    flags: flags.subarray(0, n),
    photos: photos.subarray(0, n),
    interests: interests.subarray(0, n),
    loyalty_levels: loyalty.subarray(0, n),
    reports: reports.subarray(0, n),
    genders: genders.subarray(0, n),
    birth_dates: births.subarray(0, n),
    latitudes: lats.subarray(0, n),
    longitudes: lons.subarray(0, n),
    response_rates: rates.subarray(0, n),
    last_active_ms: active.subarray(0, n),
    boost_until_ms: boosts.subarray(0, n),
  };
}
