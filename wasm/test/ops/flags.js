'use strict';
// Vector operations of the `flags` module (core/src/flags.rs, wasm/src/flags.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

module.exports = {
  flag_bucket: (_p, i) => ({ bucket: core.flagBucket(arg.string(i, 'flag'), arg.string(i, 'user_id')) }),
  evaluate_flag: (p, i) =>
    core.evaluateFlag(p, opt.array(i, 'killed_groups') ?? [], arg.object(i, 'flag'), arg.object(i, 'context')),
  evaluate_flags: (p, i) => core.evaluateFlags(p, arg.object(i, 'set'), arg.object(i, 'context')),
};
