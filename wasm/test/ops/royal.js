'use strict';
// Vector operations of the `royal` module (core/src/royal.rs, wasm/src/royal.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

module.exports = {
  royal_status: (p, i) => core.royalStatus(p, opt.array(i, 'buckets') ?? [], opt.object(i, 'subscription'), arg.number(i, 'now_ms')),
  tier_for_spend: (p, i) => ({ tier: core.tierForSpend(p, arg.number(i, 'spent')) }),
};
