'use strict';
// Vector operations of the `ranking` module (core/src/ranking, wasm/src/ranking).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

// The vectors give columns as JSON arrays; the API takes typed arrays.
const COLUMN_TYPES = {
  flags: Uint8Array,
  photos: Uint32Array,
  interests: Uint32Array,
  loyalty_levels: Uint32Array,
  reports: Uint32Array,
  genders: Uint8Array,
  birth_dates: Uint32Array,
  latitudes: Float64Array,
  longitudes: Float64Array,
  response_rates: Float64Array,
  last_active_ms: Float64Array,
  boost_until_ms: Float64Array,
};

function typedColumns(cols) {
  const out = { user_ids: arg.string(cols, 'user_ids') };
  for (const [name, Type] of Object.entries(COLUMN_TYPES)) out[name] = Type.from(arg.array(cols, name));
  return out;
}

module.exports = {
  profile_score: (p, i) => core.profileScore(p, arg.object(i, 'profile'), arg.number(i, 'now_ms')),
  rank_candidates: (p, i) =>
    core.rankCandidates(p, arg.object(i, 'viewer'), arg.array(i, 'candidates'), arg.number(i, 'now_ms'), opt.object(i, 'page')),
  rank_candidate_columns: (p, i) =>
    core.rankCandidateColumns(p, arg.object(i, 'viewer'), typedColumns(arg.object(i, 'columns')), arg.number(i, 'now_ms'), opt.object(i, 'page')),
  haversine_km: (_p, i) => ({ km: core.haversineKm(arg.object(i, 'a'), arg.object(i, 'b'), arg.number(i, 'radius_km')) }),
  decide_like: (p, i) => {
    const { now_ms: _now, ...request } = i;
    return core.decideLike(p, request, arg.number(i, 'now_ms'));
  },
};
