'use strict';
// Vector operations of the `rollout` module (core/src/rollout.rs, wasm/src/rollout.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

module.exports = {
  check_country_cap: (p, i) => core.checkCountryCap(p, i),
  effective_caps: (p, i) => core.effectiveCaps(p, arg.string(i, 'phase'), opt.object(i, 'overrides') ?? {}),
  progression_readiness: (p, i) => core.progressionReadiness(p, arg.array(i, 'days'), arg.number(i, 'now_ms')),
  next_market: (p, i) => ({ country: core.nextMarket(p, arg.array(i, 'launched')) ?? null }),
};
